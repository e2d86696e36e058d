namespace Populus.Demography.Calibration;

/// <summary>
/// A published total over an age range, for one sex or both: "ages 0–14, both sexes: 1,462,497", "males: 607,675",
/// "65+: 129,354".
/// </summary>
/// <param name="Name">How the margin is named in messages.</param>
/// <param name="FromAge">First age counted.</param>
/// <param name="ToAge">First age NOT counted (exclusive), or null for "and over".</param>
/// <param name="Sex">The sex counted, or null for both sexes.</param>
/// <param name="Total">The published total (persons).</param>
public sealed record AgeSexMargin(string Name, int FromAge, int? ToAge, Sex? Sex, double Total)
{
    /// <summary>Every age, one sex or both.</summary>
    public static AgeSexMargin AllAges(string name, Sex? sex, double total) => new(name, 0, null, sex, total);

    /// <summary>The indices (sex × ages + age) of the cells of a two-sex table on <paramref name="ages"/> that this margin sums.</summary>
    /// <exception cref="ArgumentException">A bound of the range is not a bound of the age groups.</exception>
    internal IEnumerable<int> CellsOf(AgeGroups ages, int offset = 0)
    {
        var first = GroupStarting(ages, FromAge, "from");
        var last = ToAge is { } to ? (to == ages.End ? ages.Count : GroupStarting(ages, to, "to")) - 1 : ages.Count - 1;
        if (last < first)
        {
            Guard.ThrowArgument(nameof(ToAge), $"Margin '{Name}' covers no ages ({FromAge} to {ToAge}).");
        }

        foreach (var sex in Sex is { } s ? new[] { s } : SexCodes.All)
        {
            for (var i = first; i <= last; i++)
            {
                yield return offset + ((int)sex * ages.Count) + i;
            }
        }
    }

    private int GroupStarting(AgeGroups ages, int age, string which)
    {
        var i = ages.IndexOf(age);
        if (i < 0 || ages.Start(i) != age)
        {
            Guard.ThrowArgument(nameof(FromAge), $"Margin '{Name}': age {age} ({which}) is not a bound of the age groups {ages}.");
        }

        return i;
    }
}
