namespace Populus.Planning.Work;

/// <summary>One task of the plan (第三章 主要任务, 第四章 保障措施) with the units responsible for it (责任单位).</summary>
/// <param name="Id">The task's number, chapter.section.item (3.1.1) or chapter.item (4.1).</param>
/// <param name="LeadUnits">The units marked * in the plan (牵头单位); usually one, two when the plan stars two.</param>
/// <param name="CooperatingUnits">The other units named (配合单位).</param>
/// <param name="IndicatorPlanIds">The Table 6 indicators (plan ids 1–20) the task serves.</param>
/// <param name="ResponsibleUnitsZh">The responsibility line as printed in the plan, with its stars.</param>
/// <param name="SeedLines">The lines of the plan text the task comes from ("178-180").</param>
public sealed record PlanTask(
    string Id,
    string Chapter,
    string Section,
    string TitleZh,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    IReadOnlyList<string> IndicatorPlanIds,
    string TextZh,
    string ResponsibleUnitsZh,
    string SeedLines)
{
    /// <summary>True when <paramref name="unit"/> leads or co-operates on this task.</summary>
    public bool Involves(string unit) => LeadUnits.Contains(unit, StringComparer.Ordinal) || CooperatingUnits.Contains(unit, StringComparer.Ordinal);
}
