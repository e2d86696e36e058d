using Populus.Demography.Fertility;
using Populus.Demography.LifeTables;
using Populus.Demography.Projection;

namespace Populus.Demography.Preparation;

/// <summary>The rates of a projection step from a region's assumptions: schedules read at the step's centre, calibrated to the levels there.</summary>
/// <remarks>
/// For the step [t, t+n] with centre c = t + n/2 ([WPP2024]; docs/methods.md "Projection from UN WPP 2024 inputs"):
/// <list type="number">
/// <item>death rates by sex at c (single years), scaled to e0(c) when a level is given
/// (<see cref="LifeExpectancyCalibration"/>); survival ratios from their life table (closed at the grid's open age);</item>
/// <item>fertility at c, scaled to TFR(c) when given;</item>
/// <item>sex ratio at birth at c;</item>
/// <item>net migrants: the counts of the calendar years that [t, t+n) overlaps, each in proportion to the overlap.</item>
/// </list>
/// Rates for a July-to-July step are thus centred on 1 January, the mean of the two calendar years' levels.
/// </remarks>
public static class StepRatePreparation
{
    /// <summary>The rates of one region for the step starting at <paramref name="start"/> (calendar years; 2023.5 is 1 July 2023).</summary>
    /// <exception cref="ArgumentException">The grid is not single years, the mortality does not reach the grid's open age, or a schedule cannot be calibrated.</exception>
    public static PreparedRates Prepare(RegionAssumptions region, double start)
    {
        Guard.NotNull(region);
        Guard.Finite(start, nameof(start));
        var ages = region.Ages;
        var n = ProjectionGrid.StepLength(ages);
        if (n != 1)
        {
            Guard.ThrowArgument(nameof(region), $"Step rates are prepared on single years of age; the grid is {ages}.");
        }

        var centre = start + n / 2.0;
        var (male, maleE0, maleFactor) = Survival(region.MaleMortality, region.MaleLifeExpectancy, region.MaleLifeTable, ages, centre, "male");
        var (female, femaleE0, femaleFactor) = Survival(region.FemaleMortality, region.FemaleLifeExpectancy, region.FemaleLifeTable, ages, centre, "female");

        var fertility = region.Fertility.At(centre);
        if (region.TotalFertility is not null)
        {
            fertility = FertilityMeasures.ScaleToTotalFertility(fertility, region.TotalFertility.At(centre));
        }

        var srb = new SexRatioAtBirth(region.SexRatioAtBirth.At(centre));
        var maleMigrants = Migrants(region.MaleMigrants, ages, start, start + n, "male");
        var femaleMigrants = Migrants(region.FemaleMigrants, ages, start, start + n, "female");
        var rates = new StateRates(male, female, fertility, srb, maleMigrants, femaleMigrants);
        return new PreparedRates(rates, maleE0, femaleE0, fertility.TotalFertilityRate(), maleFactor, femaleFactor);
    }

    /// <summary>
    /// The engine steps for <paramref name="count"/> consecutive steps of every region (in state order), the first
    /// starting at <paramref name="start"/>.
    /// </summary>
    /// <param name="regions">One set of assumptions a state.</param>
    /// <param name="start">Start of the first step.</param>
    /// <param name="count">Number of steps.</param>
    /// <param name="timing">When net migrants arrive within a step.</param>
    /// <param name="transitions">Moves between states for step k, or null for none.</param>
    /// <param name="prepared">Receives the prepared rates [step][region] for reports; may be null.</param>
    public static IReadOnlyList<ProjectionStep> Steps(
        IReadOnlyList<RegionAssumptions> regions,
        double start,
        int count,
        MigrationTiming timing,
        Func<int, IEnumerable<StateTransitions>?>? transitions = null,
        List<IReadOnlyList<PreparedRates>>? prepared = null)
    {
        Guard.NotNull(regions);
        if (regions.Count == 0)
        {
            Guard.ThrowArgument(nameof(regions), "No region to prepare rates for.");
        }

        if (count < 0)
        {
            Guard.ThrowRange(nameof(count), count, "must not be negative");
        }

        var n = ProjectionGrid.StepLength(regions[0].Ages);
        var steps = new ProjectionStep[count];
        for (var k = 0; k < count; k++)
        {
            var t = start + k * n;
            var rates = regions.Select(r => Prepare(r, t)).ToArray();
            prepared?.Add(rates);
            steps[k] = new ProjectionStep([.. rates.Select(r => r.Rates)], timing, transitions?.Invoke(k));
        }

        return steps;
    }

    private static (SurvivalRatios Ratios, double E0, double Factor) Survival(
        ScheduleTrajectory<DeathRates> mortality, Trajectory? e0, LifeTableOptions options, AgeGroups ages, double centre, string sex)
    {
        var mx = mortality.At(centre);
        if (mx.Ages.OpenAge < ages.OpenAge)
        {
            Guard.ThrowArgument(nameof(mortality), $"The {sex} death rates stop at {mx.Ages.Label(mx.Ages.Count - 1)}; the projection needs them to age {ages.OpenAge} at least.");
        }

        var factor = 1.0;
        if (e0 is not null)
        {
            (mx, factor) = LifeExpectancyCalibration.ScaleTo(mx, e0.At(centre), options);
        }

        var table = LifeTable.FromRates(mx, options);
        return (table.ClosedAt(ages.OpenAge).SurvivalRatios(), table.E0, factor);
    }

    private static NetMigrants? Migrants(AnnualCounts? counts, AgeGroups ages, double start, double end, string sex)
    {
        if (counts is null)
        {
            return null;
        }

        counts.Ages.RequireSame(ages, $"{sex} net migrants");
        return NetMigrants.Trusted(ages, counts.Over(start, end));
    }
}
