using System.Collections.Immutable;
using Populus.Demography.Graduation;

namespace Populus.Demography.Calibration;

/// <summary>
/// A single-year, two-sex base population where only broad totals are published: a standard age–sex pattern is
/// split into single years and raked to the published margins; a whole is then shared among its regions so that
/// each region meets its own totals and the regions add up to the whole in every age–sex cell.
/// </summary>
/// <remarks>
/// The "standard pattern + calibration" approach of small-area estimation and of national statistical offices when a
/// detailed table is missing [SS2004, ch. 7 and 21]: the standard supplies what the region does not publish (the
/// shape within the broad groups, the sex ratio at each age), the margins supply what it does. Raking is iterative
/// proportional fitting [DS1940]: among all tables that meet the margins it is the one closest to the seed in the
/// Kullback–Leibler sense [IK1968], so each single age keeps the standard's share of its broad group, and each sex
/// the standard's share of its age, unless a margin says otherwise. Graduation is Sprague's [Sprague1880] through
/// <see cref="AgeGraduation"/> (group totals kept, negatives repaired), log-linear within groups from age 85.
/// </remarks>
public static class BasePopulationCalibration
{
    /// <summary>
    /// Splits a five-year or abridged standard (both sexes on one grid) into single years and rakes it to the margins.
    /// </summary>
    /// <param name="standard">The standard pattern, e.g. a province's census table 0, 1–4, 5–9, …, 100+.</param>
    /// <param name="margins">The published totals; at least one. Without a sex margin each age keeps the standard's sex ratio.</param>
    /// <param name="method">How the standard's groups are split into single years below <paramref name="oldAgeFrom"/>.</param>
    /// <param name="oldAgeFrom">From this age (a group start) the closed five-year groups are split log-linearly (see remarks of <see cref="SplitOldAges"/>); null to use <paramref name="method"/> throughout.</param>
    /// <exception cref="ArgumentException">The standard cannot be graduated, a margin's ages are not on the single-year grid, or a margin needs people where the standard has none.</exception>
    /// <exception cref="InvalidOperationException">The margins contradict each other (raking does not converge).</exception>
    public static CalibratedPopulation FromStandard(PopulationByAgeSex standard, IReadOnlyList<AgeSexMargin> margins,
        GraduationMethod method = GraduationMethod.Sprague, int? oldAgeFrom = 85)
    {
        Guard.NotNull(standard);
        var male = AgeGraduation.ToSingleYear(standard.Male, method);
        var female = AgeGraduation.ToSingleYear(standard.Female, method);
        var seed = oldAgeFrom is { } old
            ? new PopulationByAgeSex(SplitOldAges(standard.Male, male.Counts, old), SplitOldAges(standard.Female, female.Counts, old))
            : new PopulationByAgeSex(male.Counts, female.Counts);
        var (population, iterations) = Rake(seed, margins);
        var repaired = male.RepairedGroups.Select(g => "M " + g).Concat(female.RepairedGroups.Select(g => "F " + g)).ToImmutableArray();
        return new CalibratedPopulation(population, repaired, iterations);
    }

    /// <summary>Rakes a population (any grid) to the margins, keeping its pattern where the margins are silent.</summary>
    /// <exception cref="ArgumentException">No margins, a margin's ages are not group bounds, or a margin needs people where the seed has none.</exception>
    /// <exception cref="InvalidOperationException">The margins contradict each other.</exception>
    public static (PopulationByAgeSex Population, int Iterations) Rake(PopulationByAgeSex seed, IReadOnlyList<AgeSexMargin> margins)
    {
        Guard.NotNull(seed);
        Guard.NotNull(margins);
        if (margins.Count == 0)
        {
            Guard.ThrowArgument(nameof(margins), "At least one margin is needed to calibrate to.");
        }

        var n = seed.Ages.Count;
        var cells = new double[2 * n];
        seed.Male.Values.CopyTo(cells);
        seed.Female.Values.CopyTo(cells.AsSpan(n));
        var constraints = margins.Select(m => new MarginConstraint(m.Name, m.CellsOf(seed.Ages), m.Total)).ToList();
        var (fitted, iterations) = IterativeProportionalFitting.Fit(cells, constraints);
        return (Split(seed.Ages, fitted, 0), iterations);
    }

    /// <summary>
    /// Shares <paramref name="whole"/> among regions by two-way raking of the region × (sex, age) table: every region
    /// meets its total and its own margins, and in every sex–age cell the regions sum to the whole.
    /// </summary>
    /// <remarks>
    /// A region without its own pattern starts from the whole's pattern scaled to its total, so it ends with the
    /// whole's structure adjusted only as far as the other regions' published margins require (regions that publish
    /// a younger structure leave an older one to the rest).
    /// </remarks>
    /// <returns>One population a region, in the order given.</returns>
    /// <exception cref="ArgumentException">No regions, a pattern on another grid, a negative total, or region totals that do not add up to the whole (relative difference above 1e-9).</exception>
    /// <exception cref="InvalidOperationException">A region's margins contradict the whole (raking does not converge).</exception>
    public static IReadOnlyList<PopulationByAgeSex> Distribute(PopulationByAgeSex whole, IReadOnlyList<RegionMargins> regions)
    {
        Guard.NotNull(whole);
        Guard.NotNull(regions);
        if (regions.Count == 0)
        {
            Guard.ThrowArgument(nameof(regions), "At least one region is needed.");
        }

        var ages = whole.Ages;
        var n = ages.Count;
        var width = 2 * n;
        var wholeTotal = whole.Total();
        var sum = regions.Sum(r => r.Total);
        if (Math.Abs(sum - wholeTotal) > 1e-9 * Math.Max(1, wholeTotal))
        {
            Guard.ThrowArgument(nameof(regions), $"The regions' totals add up to {sum:F0}, the whole is {wholeTotal:F0}: they must be equal.");
        }

        var seed = new double[checked(regions.Count * width)];
        var constraints = new List<MarginConstraint>();
        for (var r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            Guard.NotNull(region);
            Guard.InRange(region.Total, 0, double.MaxValue, $"total of {region.Name}");
            var pattern = region.Pattern ?? whole;
            pattern.Ages.RequireSame(ages, $"pattern of {region.Name}");
            var scale = pattern.Total() > 0 ? region.Total / pattern.Total() : 0;
            for (var i = 0; i < n; i++)
            {
                seed[(r * width) + i] = pattern.Male[i] * scale;
                seed[(r * width) + n + i] = pattern.Female[i] * scale;
            }

            constraints.Add(new MarginConstraint($"{region.Name} total", Enumerable.Range(r * width, width), region.Total));
            constraints.AddRange(region.Margins.Select(m => new MarginConstraint($"{region.Name} {m.Name}", m.CellsOf(ages, r * width), m.Total)));
        }

        for (var c = 0; c < width; c++)
        {
            var value = c < n ? whole.Male[c] : whole.Female[c - n];
            var label = $"{(c < n ? "male" : "female")} {ages.Label(c % n)}";
            constraints.Add(new MarginConstraint(label, Enumerable.Range(0, regions.Count).Select(r => (r * width) + c), value));
        }

        var (fitted, _) = IterativeProportionalFitting.Fit(seed, constraints, tolerance: 1e-10, maxIterations: 5000);
        return [.. Enumerable.Range(0, regions.Count).Select(r => Split(ages, fitted, r * width))];
    }

    /// <summary>Replaces the single years of the closed five-year groups from <paramref name="fromAge"/> by a log-linear split.</summary>
    /// <remarks>
    /// Sprague's end panel follows a polynomial through the last groups; where the counts fall steeply (ages 85–99)
    /// it can put more people at 99 than at 98. Above age 85 the number alive falls roughly exponentially with age,
    /// as the Gompertz–Kannisto force of mortality rises [Thatcher1998], so each group G is split as
    /// n(start + j) = G·rʲ·(1 − r)/(1 − r⁵), j = 0…4, with r the yearly ratio at the group's middle estimated from
    /// its neighbours, r = (G₊₁/G₋₁)^(1/10) (the last closed group: r = (G/G₋₁)^(1/5)). The group total is kept
    /// exactly and the counts fall monotonically within the group.
    /// </remarks>
    private static PopulationByAge SplitOldAges(PopulationByAge groups, PopulationByAge singles, int fromAge)
    {
        var ages = groups.Ages;
        var values = singles.ToArray();
        var lastClosed = ages.IsOpenEnded ? ages.Count - 2 : ages.Count - 1;
        for (var g = 0; g <= lastClosed; g++)
        {
            if (ages.Start(g) < fromAge || ages.Width(g) != 5 || groups[g] <= 0)
            {
                continue;
            }

            var ratio = g < lastClosed && groups[g - 1] > 0 && groups[g + 1] > 0
                ? Math.Pow(groups[g + 1] / groups[g - 1], 0.1)
                : groups[g - 1] > 0 ? Math.Pow(groups[g] / groups[g - 1], 0.2) : 1.0;
            var weights = Enumerable.Range(0, 5).Select(j => Math.Pow(ratio, j)).ToArray();
            var sum = weights.Sum();
            var first = singles.Ages.IndexOf(ages.Start(g));
            for (var j = 0; j < 5; j++)
            {
                values[first + j] = groups[g] * weights[j] / sum;
            }
        }

        return PopulationByAge.Trusted(singles.Ages, values);
    }

    private static PopulationByAgeSex Split(AgeGroups ages, double[] cells, int offset)
    {
        var n = ages.Count;
        return new PopulationByAgeSex(
            PopulationByAge.Trusted(ages, cells.AsSpan(offset, n).ToArray()),
            PopulationByAge.Trusted(ages, cells.AsSpan(offset + n, n).ToArray()));
    }
}
