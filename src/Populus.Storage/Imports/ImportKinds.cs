namespace Populus.Storage.Imports;

/// <summary>Every import kind, one line each (the CLI and <see cref="IPopulusStore.Import"/> look names up here).</summary>
internal static class ImportKinds
{
    public static readonly IReadOnlyList<ImportKind> All =
    [
        new CensusImport(),
        new VitalEventsImport(),
        new MigrationFlowsImport(),
        new SurveyTotalsImport(),
        new IndicatorsImport(),
        new GroupsImport(),
        new PersonsImport(),
        new PersonEventsImport(),
        new GraduatesImport(),
        new TalentIntakeImport(),
        new WorkPointsImport(),
        new ProgressImport(),
    ];

    public static ImportKind? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
