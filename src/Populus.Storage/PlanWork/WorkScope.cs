namespace Populus.Storage.PlanWork;

/// <summary>
/// Whose work points a query may see: the lead office sees every department's, a department only its own. Every
/// read of <see cref="IPlanWork"/> takes one, so a department's view is limited in the query itself (the web host
/// passes the signed-in department's scope).
/// </summary>
public sealed record WorkScope
{
    private WorkScope(string? department) => DepartmentName = department;

    /// <summary>The department seen, or null for the lead office (all).</summary>
    public string? DepartmentName { get; }

    /// <summary>The plan's lead office (规划牵头部门): every department's points.</summary>
    public static WorkScope LeadOffice { get; } = new((string?)null);

    /// <summary>One department's own points.</summary>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public static WorkScope Department(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new WorkScope(name.Trim());
    }

    public override string ToString() => DepartmentName ?? "lead office";
}
