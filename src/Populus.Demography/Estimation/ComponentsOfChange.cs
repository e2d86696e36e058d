using System.Collections.Immutable;
using System.Globalization;
using Populus.Demography.LifeTables;
using Populus.Demography.Migration;
using Populus.Demography.Projection;

namespace Populus.Demography.Estimation;

/// <summary>
/// Annual population estimates by the cohort-component method of components of change: a base population by
/// single age, sex and region is carried forward period by period with births, deaths and net migration, each
/// fitted to what was published (the US Census Bureau's Population Estimates Program method [USCB2023]; [PHG2001] ch. 6).
/// </summary>
/// <remarks>
/// For each period (see docs/methods.md, "Base population and annual estimates"):
/// <list type="number">
/// <item>Deaths: the standard death rates times a factor k, chosen so that the projected deaths equal the published
/// deaths (or the published crude death rate times the mean population). Births: the standard fertility times a
/// factor, chosen likewise. Both are fitted together (deaths include those of the period's births) by fixed-point
/// iteration k ← k·D*/D(k), which converges in a few steps because deaths are nearly proportional to k.</item>
/// <item>Survival and births come from <see cref="CohortComponentProjection"/> over one year with the regions as
/// states. A shorter period (the census day to the year's end) takes the fraction f of the one-year step:
/// P(end) = (1 − f)·P(start) + f·P(start + 1 year), components × f, which is the linear path the annual step implies.</item>
/// <item>Net migration is the residual that brings the total to the published end population: M = P* − (P(start) + B − D).
/// It is shared among regions so that regions with a published end population meet it exactly (the calibration to
/// county totals); the rest share the remainder in proportion to their population. Within a region immigration
/// follows the Rogers–Castro profile [RC1981]; net emigration follows the profile times the population at each
/// age (an out-migration rate), so no cell can go negative.</item>
/// <item>Missing figures: a period without published deaths or a death rate keeps the previous period's factor k; one
/// without births or a birth rate keeps the previous total fertility; one without an end population keeps the
/// previous period's net migration rate. Each fallback is written in <see cref="PeriodEstimate.Notes"/>.</item>
/// </list>
/// </remarks>
public static class ComponentsOfChange
{
    private const int MaxFitIterations = 100;
    private const double FitTolerance = 1e-10;

    /// <summary>Estimates the end of every period, in order, from the base.</summary>
    /// <param name="regions">The region names, in the order of <paramref name="basePopulations"/>.</param>
    /// <param name="basePopulations">The base population of each region on one single-year grid with an open last age.</param>
    /// <param name="standards">Standard schedules on the base's grid.</param>
    /// <param name="periods">The periods, consecutive, the first starting at the base date.</param>
    /// <param name="calibrateRegions">Meet the published region totals (true), or share migration in proportion to
    /// population only, leaving region totals as the components give them (false: an independent estimate, for validation).</param>
    /// <exception cref="ArgumentException">Mismatched regions or grids, no periods, or a period length outside (0, 1].</exception>
    public static IReadOnlyList<PeriodEstimate> Estimate(IReadOnlyList<string> regions, IReadOnlyList<PopulationByAgeSex> basePopulations,
        EstimationStandards standards, IReadOnlyList<EstimationPeriod> periods, bool calibrateRegions = true)
    {
        Guard.NotNull(regions);
        Guard.NotNull(basePopulations);
        Guard.NotNull(standards);
        Guard.NotNull(periods);
        if (regions.Count == 0 || regions.Count != basePopulations.Count)
        {
            Guard.ThrowArgument(nameof(basePopulations), $"{basePopulations.Count} base populations for {regions.Count} regions; one a region is needed.");
        }

        var ages = basePopulations[0].Ages;
        if (!ages.IsSingleYear || !ages.IsOpenEnded || ages.FirstAge != 0)
        {
            Guard.ThrowArgument(nameof(basePopulations), $"The base must be by single year from 0 with an open last age; got {ages}.");
        }

        standards.MaleMortality.Ages.RequireSame(ages, "male standard mortality");
        standards.FemaleMortality.Ages.RequireSame(ages, "female standard mortality");
        if (periods.Count == 0)
        {
            Guard.ThrowArgument(nameof(periods), "At least one period is needed.");
        }

        var engine = new CohortComponentProjection(StateSpace.Regions(regions), ages, outputs: ProjectionOutputs.All, maxDegreeOfParallelism: 1);
        var state = new FitState(1.0, standards.Fertility.TotalFertilityRate(), null);
        var start = basePopulations.ToArray();
        var results = new List<PeriodEstimate>();
        foreach (var period in periods)
        {
            Guard.NotNull(period);
            if (!(period.Length > 0 && period.Length <= 1))
            {
                Guard.ThrowRange(nameof(period.Length), period.Length, $"of the period ending {period.Year} must be in (0, 1] years");
            }

            var estimate = EstimatePeriod(engine, regions, start, standards, period, calibrateRegions, ref state);
            results.Add(estimate);
            start = [.. estimate.Populations];
        }

        return results;
    }

    /// <summary>What carries over from one period to the next as a fallback.</summary>
    private record struct FitState(double MortalityFactor, double TotalFertility, double? MigrationRate);

    private static PeriodEstimate EstimatePeriod(CohortComponentProjection engine, IReadOnlyList<string> regions, PopulationByAgeSex[] start,
        EstimationStandards standards, EstimationPeriod period, bool calibrateRegions, ref FitState state)
    {
        var f = period.Length;
        var notes = ImmutableArray.CreateBuilder<string>();
        notes.Add(period.EndTotal is { } published
            ? $"end population: published {published.ToString("F0", CultureInfo.InvariantCulture)}{(period.Note is null ? "" : $" ({period.Note})")}"
            : $"end population: none published{(period.Note is null ? "" : $" ({period.Note})")}");
        var startTotal = start.Sum(p => p.Total());
        var meanPopulation = (startTotal + (period.EndTotal ?? startTotal)) / 2;

        // Annual equivalents of the published events: counts of the period / f, or rate × mean population.
        var deathsTarget = AnnualTarget(period.Deaths, period.DeathRate, f, meanPopulation, "deaths", "death rate", notes);
        var birthsTarget = AnnualTarget(period.Births, period.BirthRate, f, meanPopulation, "births", "birth rate", notes);
        if (deathsTarget is null)
        {
            notes.Add($"deaths: none published; the previous period's mortality factor {state.MortalityFactor.ToString("F4", CultureInfo.InvariantCulture)} is kept");
        }

        if (birthsTarget is null)
        {
            notes.Add($"births: none published; the previous period's total fertility {state.TotalFertility.ToString("F4", CultureInfo.InvariantCulture)} is kept");
        }

        var baseTfr = standards.Fertility.TotalFertilityRate();
        var k = state.MortalityFactor;
        var b = state.TotalFertility / baseTfr;
        ProjectionResult run = null!;
        for (var i = 0; i < MaxFitIterations; i++)
        {
            run = engine.Project(period.Year, start, [Step(engine, standards, k, b)]);
            var deaths = Sum(run, regions.Count, (r, s) => run.Deaths(period.Year, r, s).ToArray().Sum());
            var births = Sum(run, regions.Count, (r, s) => run.Births(period.Year, r, s));
            var dk = deathsTarget is { } d ? d / deaths : 1;
            var db = birthsTarget is { } bt ? bt / births : 1;
            if (Math.Abs(dk - 1) < FitTolerance && Math.Abs(db - 1) < FitTolerance)
            {
                break;
            }

            k *= dk;
            b *= db;
        }

        // The period's populations without migration: the linear path of the one-year step.
        var n = engine.Ages.Count;
        var noMigration = new double[regions.Count][][];
        for (var r = 0; r < regions.Count; r++)
        {
            noMigration[r] = new double[2][];
            foreach (var sex in SexCodes.All)
            {
                var end = run.Population(period.Year + 1, r, sex);
                var begin = start[r][sex].Values;
                var path = new double[n];
                for (var a = 0; a < n; a++)
                {
                    path[a] = ((1 - f) * begin[a]) + (f * end[a]);
                }

                noMigration[r][(int)sex] = path;
            }
        }

        var regionTotals = noMigration.Select(r => r.Sum(s => s.Sum())).ToArray();
        var noMigrationTotal = regionTotals.Sum();
        double migration;
        if (period.EndTotal is { } target)
        {
            migration = target - noMigrationTotal;
            state.MigrationRate = migration / (startTotal * f);
        }
        else
        {
            migration = (state.MigrationRate ?? 0) * startTotal * f;
            notes.Add($"net migration: no end population published; the previous period's net migration rate ({((state.MigrationRate ?? 0) * 1000).ToString("F2", CultureInfo.InvariantCulture)} per 1,000 a year) is kept");
        }

        var byRegion = ShareMigration(regions, regionTotals, migration, calibrateRegions ? period.RegionEndTotals : [], period.EndTotal, notes);
        var migrants = new double[regions.Count][][];
        var populations = ImmutableArray.CreateBuilder<PopulationByAgeSex>(regions.Count);
        var clipped = 0.0;
        for (var r = 0; r < regions.Count; r++)
        {
            migrants[r] = Spread(byRegion[r], noMigration[r], engine.Ages, standards);
            var male = new double[n];
            var female = new double[n];
            for (var a = 0; a < n; a++)
            {
                male[a] = noMigration[r][0][a] + migrants[r][0][a];
                female[a] = noMigration[r][1][a] + migrants[r][1][a];
                clipped += Math.Max(0, -male[a]) + Math.Max(0, -female[a]);
                male[a] = Math.Max(0, male[a]);
                female[a] = Math.Max(0, female[a]);
            }

            populations.Add(new PopulationByAgeSex(PopulationByAge.Trusted(engine.Ages, male), PopulationByAge.Trusted(engine.Ages, female)));
        }

        if (clipped > 0)
        {
            notes.Add($"net migration: {clipped.ToString("F0", CultureInfo.InvariantCulture)} persons added back where emigration exceeded a cell");
        }

        state.MortalityFactor = k;
        state.TotalFertility = b * baseTfr;
        var birthsByAge = new double[regions.Count][][];
        var deathsByAge = new double[regions.Count][][];
        var maleShare = standards.SexRatioAtBirth.MalesPerFemale / (1 + standards.SexRatioAtBirth.MalesPerFemale);
        for (var r = 0; r < regions.Count; r++)
        {
            var mothers = run.BirthsByMothersAge(period.Year, r);
            birthsByAge[r] = [[.. mothers.ToArray().Select(x => x * f * maleShare)], [.. mothers.ToArray().Select(x => x * f * (1 - maleShare))]];
            deathsByAge[r] = [.. SexCodes.All.Select(s => run.Deaths(period.Year, r, s).ToArray().Select(x => x * f).ToArray())];
        }

        return new PeriodEstimate(period.Year, f, populations.ToImmutable(), birthsByAge, deathsByAge, migrants, k, b * baseTfr, birthsTarget is not null, deathsTarget is not null, notes.ToImmutable());
    }

    private static double? AnnualTarget(double? count, double? rate, double f, double meanPopulation, string what, string rateName,
        ImmutableArray<string>.Builder notes)
    {
        if (count is { } c)
        {
            notes.Add($"{what}: published count {c.ToString("F0", CultureInfo.InvariantCulture)}");
            return c / f;
        }

        if (rate is { } r)
        {
            var annual = r / 1000 * meanPopulation;
            notes.Add($"{what}: no count published; {rateName} {r.ToString(CultureInfo.InvariantCulture)}‰ × mean population {meanPopulation.ToString("F0", CultureInfo.InvariantCulture)}" +
                      (f < 1 ? $" × {f.ToString("F4", CultureInfo.InvariantCulture)} year" : ""));
            return annual;
        }

        return null;
    }

    private static double Sum(ProjectionResult run, int regions, Func<int, Sex, double> value)
    {
        var total = 0.0;
        for (var r = 0; r < regions; r++)
        {
            total += value(r, Sex.Male) + value(r, Sex.Female);
        }

        return total;
    }

    private static ProjectionStep Step(CohortComponentProjection engine, EstimationStandards standards, double k, double b)
    {
        var ages = engine.Ages;
        SurvivalRatios Survival(DeathRates mx, Sex sex) =>
            LifeTable.FromRates(new DeathRates(ages, [.. mx.Values.ToArray().Select(m => Math.Min(DeathRates.MaximumRate, m * k))]), LifeTableOptions.For(sex)).SurvivalRatios();

        var rates = new StateRates(Survival(standards.MaleMortality, Sex.Male), Survival(standards.FemaleMortality, Sex.Female),
            new FertilityRates(standards.Fertility.Ages, [.. standards.Fertility.Values.ToArray().Select(x => Math.Min(FertilityRates.MaximumRate, x * b))]),
            standards.SexRatioAtBirth);
        return new ProjectionStep([.. Enumerable.Repeat(rates, engine.States.Count)], MigrationTiming.End);
    }

    /// <summary>Net migrants of each region: published end totals met exactly, the rest in proportion to population.</summary>
    private static double[] ShareMigration(IReadOnlyList<string> regions, double[] noMigration, double migration,
        IReadOnlyDictionary<string, double> published, double? endTotal, ImmutableArray<string>.Builder notes)
    {
        var targets = regions.Select(r => published.TryGetValue(r, out var t) ? t : (double?)null).ToArray();
        var known = targets.Count(t => t is not null);
        if (known == regions.Count && endTotal is { } whole)
        {
            // Every region is published: their sum is brought to the published whole (they differ by rounding).
            var sum = targets.Sum(t => t!.Value);
            if (Math.Abs(sum - whole) > 0.5)
            {
                notes.Add($"regions: published totals add up to {sum.ToString("F0", CultureInfo.InvariantCulture)}, the whole is {whole.ToString("F0", CultureInfo.InvariantCulture)}; scaled to the whole");
            }

            targets = [.. targets.Select(t => t! * whole / sum)];
        }

        var shares = new double[regions.Count];
        var assigned = 0.0;
        for (var r = 0; r < regions.Count; r++)
        {
            if (targets[r] is { } t)
            {
                shares[r] = t - noMigration[r];
                assigned += shares[r];
            }
        }

        var rest = noMigration.Where((_, r) => targets[r] is null).Sum();
        for (var r = 0; r < regions.Count; r++)
        {
            if (targets[r] is null)
            {
                shares[r] = rest > 0 ? (migration - assigned) * noMigration[r] / rest : 0;
            }
        }

        if (known > 0)
        {
            notes.Add($"regions: net migration set to meet the published end totals of {string.Join(", ", regions.Where((_, r) => targets[r] is not null))}" +
                      (known < regions.Count ? "; the others share the rest in proportion to their population" : ""));
        }

        return shares;
    }

    /// <summary>A region's net migrants by sex and age: immigration with the Rogers–Castro profile, emigration at its rates.</summary>
    private static double[][] Spread(double total, double[][] population, AgeGroups ages, EstimationStandards standards)
    {
        var n = ages.Count;
        if (total >= 0)
        {
            var profile = MigrationDistribution.Distribute(total, ages, standards.Migration);
            var bySex = MigrationDistribution.SplitBySex(profile, standards.MigrantMaleShare);
            return [bySex.Male.ToArray(), bySex.Female.ToArray()];
        }

        var weights = new double[2][];
        var sum = 0.0;
        for (var s = 0; s < 2; s++)
        {
            weights[s] = new double[n];
            for (var a = 0; a < n; a++)
            {
                weights[s][a] = standards.Migration.Rate(ages.Start(a)) * population[s][a];
                sum += weights[s][a];
            }
        }

        return [.. weights.Select(w => w.Select(x => sum > 0 ? total * x / sum : 0).ToArray())];
    }
}
