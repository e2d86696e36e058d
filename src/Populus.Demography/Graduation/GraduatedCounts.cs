using System.Collections.Immutable;

namespace Populus.Demography.Graduation;

/// <summary>Counts split into single years, with the groups in which negative values had to be repaired.</summary>
/// <param name="Counts">Single-year counts (open age group kept as given).</param>
/// <param name="RepairedGroups">Labels of the input groups whose split gave negative values (see <see cref="AgeGraduation"/>).</param>
public sealed record GraduatedCounts(PopulationByAge Counts, ImmutableArray<string> RepairedGroups);
