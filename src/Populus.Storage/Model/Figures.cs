namespace Populus.Storage;

/// <summary>A stored population figure (persons) with its provenance and batch.</summary>
public sealed record PopulationFigure(
    DateOnly ReferenceDate,
    string RegionCode,
    string Sex,
    string Age,
    string Residence,
    string Education,
    double Persons,
    Provenance Provenance,
    string Batch);

/// <summary>Births (sex of the child, mother's age) or deaths (sex and age of the deceased) in a year.</summary>
public sealed record VitalEventFigure(int Year, string RegionCode, string Event, string Sex, string Age, double Events, Provenance Provenance, string Batch);

/// <summary>Persons who moved from <paramref name="Origin"/> to <paramref name="Destination"/> in a year ("outside" for any place not in the store).</summary>
public sealed record MigrationFlowFigure(int Year, string Origin, string Destination, string Sex, string Age, double Persons, Provenance Provenance, string Batch);

/// <summary>A sample-survey total.</summary>
public sealed record SurveyTotalFigure(int Year, string RegionCode, string Survey, string Measure, string Sex, double Value, Provenance Provenance, string Batch);

/// <summary>A value reported by a department.</summary>
public sealed record IndicatorFigure(int Year, string RegionCode, string Indicator, double Value, string Unit, string Department, Provenance Provenance, string Batch);

/// <summary>
/// A figure for a region or a group. For a group it is the sum over the members that have the figure;
/// <see cref="MissingMembers"/> lists those that have none, so a partial sum is never mistaken for a whole one.
/// </summary>
public sealed record AggregateFigure(
    string RegionOrGroup,
    double? Value,
    IReadOnlyList<string> CountedMembers,
    IReadOnlyList<string> MissingMembers,
    IReadOnlyList<Provenance> Provenances)
{
    /// <summary>True when every member had the figure.</summary>
    public bool IsComplete => MissingMembers.Count == 0 && Value is not null;
}

/// <summary>Which cell of a population table: defaults are the all-ages, both-sexes, all-residence, all-education total.</summary>
public sealed record PopulationCell(string Sex = "total", string Age = "total", string Residence = "total", string Education = "total");
