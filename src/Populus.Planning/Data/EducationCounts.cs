using Populus.Demography;

namespace Populus.Planning.Data;

/// <summary>Persons by age group and highest education level completed (census long form).</summary>
public sealed class EducationCounts
{
    private readonly PopulationByAge[] _byLevel;

    /// <param name="byLevel">One count by age per <see cref="EducationLevel"/>, in level order, on one age grid.</param>
    /// <exception cref="ArgumentException">Not one schedule per level, or the age grids differ.</exception>
    public EducationCounts(IReadOnlyList<PopulationByAge> byLevel)
    {
        ArgumentNullException.ThrowIfNull(byLevel);
        if (byLevel.Count != EducationLevels.All.Length)
        {
            throw new ArgumentException(
                $"education counts need one schedule for each of the {EducationLevels.All.Length} levels ({string.Join(", ", EducationLevels.All.Select(l => l.Code()))}); {byLevel.Count} given.",
                nameof(byLevel));
        }

        for (var i = 1; i < byLevel.Count; i++)
        {
            if (!byLevel[i].Ages.Equals(byLevel[0].Ages))
            {
                throw new ArgumentException(
                    $"education level {EducationLevels.All[i].Code()} is on ages {byLevel[i].Ages}, level {EducationLevels.All[0].Code()} on {byLevel[0].Ages}.",
                    nameof(byLevel));
            }
        }

        _byLevel = [.. byLevel];
    }

    public AgeGroups Ages => _byLevel[0].Ages;

    public PopulationByAge this[EducationLevel level] => _byLevel[(int)level];

    /// <summary>Persons in <paramref name="range"/> with at least <paramref name="minimum"/>.</summary>
    public bool TryPersons(AgeRange range, EducationLevel minimum, out double persons, out Reason? reason) =>
        TryAccumulate(range, minimum, _ => 1.0, out persons, out reason);

    /// <summary>Σ persons × schooling years over <paramref name="range"/> (all levels).</summary>
    public bool TrySchoolingYears(AgeRange range, out double personYears, out Reason? reason) =>
        TryAccumulate(range, EducationLevel.None, l => l.SchoolingYears(), out personYears, out reason);

    private bool TryAccumulate(AgeRange range, EducationLevel minimum, Func<EducationLevel, double> weight, out double total, out Reason? reason)
    {
        total = 0;
        reason = null;
        foreach (var level in EducationLevels.All)
        {
            if (level < minimum)
            {
                continue;
            }

            if (!AgeSexCounts.BothSexes(this[level]).TrySum(range, null, out var n, out reason))
            {
                return false;
            }

            total += weight(level) * n;
        }

        return true;
    }
}
