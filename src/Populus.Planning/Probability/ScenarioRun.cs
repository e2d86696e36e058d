using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics.Tensors;
using Populus.Demography;
using Populus.Demography.Projection;
using Populus.Demography.Stochastic;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Planning.Scenarios;
using Populus.Planning.Targets;

namespace Populus.Planning.Probability;

/// <summary>
/// A probabilistic projection of a <see cref="ScenarioModel"/> under one scenario: N trajectories of the scenario
/// projector, each with its own <see cref="ScenarioDraw"/>, kept as the plan's computed indicators by region and year
/// and population by sex and five-year group; from them fan-chart quantiles, a probabilistic pyramid and the
/// probability that each plan target is met (docs/methods.md "Probability of meeting a plan target").
/// </summary>
/// <remarks>
/// Each trajectory is projected in single precision (<see cref="ScenarioProjector{T}"/>, docs/methods.md "Why trajectories
/// run in single precision") and its indicators come from the same calculator and formulas as the deterministic
/// projection's (<see cref="ScenarioIndicatorData"/>), so a probability is the share of trajectories in which the target's own rule
/// (<see cref="TargetEvaluator.Meets"/>) holds. Trajectory i draws from RandomStream(seed, i) and writes only its own
/// row, so results are the same for any number of threads.
/// </remarks>
public sealed class ScenarioRun
{
    private readonly ImmutableArray<(string Indicator, string Region)> _series;
    private readonly Dictionary<(string, string), int> _seriesIndex;
    private readonly float[] _values; // [trajectory][series][year]
    private readonly bool[]? _kept; // [series][year]: the values a run keeping only some computed (RunKeeping); null: every one
    private readonly ImmutableArray<string> _places; // region keys of the pyramid's places
    private readonly ImmutableArray<AgeRange> _ages; // the age ranges whose residents each place keeps
    private readonly double[] _pyramid; // [place][year][cell][quantile], a place's cells of a year: [sex][group], then [age range]
    private readonly RegionRegistry _regions;
    private readonly string _scenarioZh; // the scenario as a Chinese reason names it
    private readonly ConcurrentDictionary<(string Indicator, string Region), bool> _varies = new(); // Varies, by series

    private ScenarioRun(Scenario scenario, int trajectories, ulong seed, ImmutableArray<int> years, ImmutableArray<(string, string)> series, float[] values,
        bool[]? kept, ImmutableArray<string> places, ImmutableArray<AgeRange> ages, AgeGroups groups, double[] pyramid, RegionRegistry regions)
    {
        Scenario = scenario.Name;
        _scenarioZh = scenario.LabelZh;
        Trajectories = trajectories;
        Seed = seed;
        Years = years;
        _series = series;
        _seriesIndex = series.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        _values = values;
        _kept = kept;
        _places = places;
        _ages = ages;
        AgeGroups = groups;
        _pyramid = pyramid;
        _regions = regions;
    }

    /// <summary>The name of the scenario the trajectories vary around.</summary>
    public string Scenario { get; }

    public int Trajectories { get; }

    public ulong Seed { get; }

    /// <summary>Projected years (end of year), the base year excluded.</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>The groups of the probabilistic pyramid: five-year groups to the grid's open age (rounded down to a multiple of five).</summary>
    public AgeGroups AgeGroups { get; }

    /// <summary>Runs <paramref name="trajectories"/> trajectories of <paramref name="scenario"/>.</summary>
    /// <param name="model">The scenario model (regions, base, patterns).</param>
    /// <param name="scenario">The central path.</param>
    /// <param name="uncertainty">The calibrated processes.</param>
    /// <param name="catalogue">The plan's catalogue: the formulas of the indicators.</param>
    /// <param name="series">The (indicator, region) pairs kept for every trajectory and year.</param>
    /// <param name="lastYear">The last year projected.</param>
    /// <param name="trajectories">N, 1 … 100,000.</param>
    /// <param name="seed">The seed: the same seed gives the same run on any number of threads.</param>
    /// <param name="maxDegreeOfParallelism">Threads; 0 uses every core.</param>
    /// <param name="pyramid">The regions whose probabilistic pyramid the run keeps (<see cref="HasPyramid"/>): those the
    /// projection gives (a region of the model, the city, a grouping of the model's regions such as 中心城区); others are
    /// left out. Null or none: no pyramid, for a run read only for its series.</param>
    /// <param name="residentsAged">Age ranges whose residents of both sexes each place of the pyramid also keeps
    /// (<see cref="ResidentsQuantiles"/>): the ages a public service serves, whose demand is a count of them.</param>
    /// <param name="cancel">Gives the run up: it stops after the blocks of trajectories under way.</param>
    /// <exception cref="ArgumentException">N or the threads out of range, a pair names an indicator without a formula, the
    /// years do not fit, or an age range does not begin and end on the model's ages.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled before the run ended.</exception>
    public static ScenarioRun Run(ScenarioModel model, Scenario scenario, UncertaintyModel uncertainty, IndicatorCatalogue catalogue,
        IEnumerable<(string Indicator, string Region)> series, int lastYear, int trajectories, ulong seed, int maxDegreeOfParallelism = 0,
        IEnumerable<string>? pyramid = null, IEnumerable<AgeRange>? residentsAged = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(series);
        ImmutableArray<(string, string)> pairs = [.. series.Select(s => (s.Indicator, catalogue.Regions.KeyOrSelf(s.Region))).Distinct()];
        RequireFormulas(catalogue, pairs, nameof(series));
        return Make(model, scenario, uncertainty, catalogue, pairs, null, lastYear, trajectories, seed, maxDegreeOfParallelism, pyramid, residentsAged, cancel);
    }

    /// <summary>Runs <paramref name="trajectories"/> trajectories of <paramref name="scenario"/> keeping only the
    /// <paramref name="kept"/> values, without the pyramid: what a question about a few values reads (a target's
    /// probability, a goal sought), whose indicators are then computed in those years only (most of a run's time
    /// besides the projection). The trajectories are those <see cref="Run"/> makes with the same seed, projected to
    /// the last year kept.</summary>
    /// <param name="kept">(indicator, region, year) of each value kept; years after the model's base year.</param>
    /// <exception cref="ArgumentException">N or the threads out of range, an indicator without a formula, or a year not projected.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled before the run ended.</exception>
    /// <remarks><see cref="Values"/> refuses a year not kept, and <see cref="Probabilities"/> cannot judge a target
    /// that reads one.</remarks>
    public static ScenarioRun RunKeeping(ScenarioModel model, Scenario scenario, UncertaintyModel uncertainty, IndicatorCatalogue catalogue,
        IEnumerable<(string Indicator, string Region, int Year)> kept, int trajectories, ulong seed, int maxDegreeOfParallelism = 0,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(kept);
        var cells = kept.Select(k => (Series: (k.Indicator, catalogue.Regions.KeyOrSelf(k.Region)), k.Year)).ToList();
        ImmutableArray<(string, string)> pairs = [.. cells.Select(c => c.Series).Distinct()];
        RequireFormulas(catalogue, pairs, nameof(kept));
        var lastYear = cells.Count == 0 ? model.BaseYear + 1 : cells.Max(c => c.Year);
        var years = lastYear - model.BaseYear;
        var mask = new bool[pairs.Length * years];
        foreach (var ((id, region), year) in cells)
        {
            if (year <= model.BaseYear)
            {
                throw new ArgumentOutOfRangeException(nameof(kept), year, $"{id} of {region}: the projected years begin after the base year {model.BaseYear}.");
            }

            mask[(pairs.IndexOf((id, region)) * years) + year - model.BaseYear - 1] = true;
        }

        return Make(model, scenario, uncertainty, catalogue, pairs, mask, lastYear, trajectories, seed, maxDegreeOfParallelism, pyramid: null, residentsAged: null, cancel);
    }

    /// <summary>Runs <paramref name="trajectories"/> trajectories of <paramref name="scenario"/> keeping what judging
    /// <paramref name="evaluations"/>' targets reads (<see cref="TargetEvaluator.YearsRead"/>; <see cref="RunKeeping"/>):
    /// <see cref="Probabilities"/> of these evaluations gives what it gives on a full run of the same seed, in a
    /// fraction of the time (the scenario explorer's slider moves ask for it).</summary>
    /// <param name="evaluator">Judges the targets (as <see cref="Probabilities"/> will).</param>
    /// <param name="book">The targets' book.</param>
    /// <param name="evaluations">The targets to judge in their regions and evaluation years; those not ahead of the
    /// evaluation year, or of an indicator without a formula, keep nothing.</param>
    /// <exception cref="ArgumentException">N or the threads out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled before the run ended.</exception>
    public static ScenarioRun ToJudge(ScenarioModel model, Scenario scenario, UncertaintyModel uncertainty, IndicatorCatalogue catalogue,
        TargetEvaluator evaluator, TargetBook book, IEnumerable<TargetEvaluation> evaluations, int trajectories, ulong seed, int maxDegreeOfParallelism = 0,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(evaluations);
        var kept = from e in evaluations
                   where catalogue[e.Target.IndicatorId].Formula is not null
                   from year in evaluator.YearsRead(book, e.Target, e.Region, e.AsOfYear)
                   select (e.Target.IndicatorId, e.Region, year);
        return RunKeeping(model, scenario, uncertainty, catalogue, kept, trajectories, seed, maxDegreeOfParallelism, cancel);
    }

    /// <exception cref="ArgumentException">A pair names an indicator without a formula.</exception>
    private static void RequireFormulas(IndicatorCatalogue catalogue, ImmutableArray<(string, string)> pairs, string parameter)
    {
        foreach (var (id, _) in pairs)
        {
            if (!catalogue.Contains(id) || catalogue[id].Formula is null)
            {
                throw new ArgumentException($"'{id}' is not an indicator computed from population (no formula in the catalogue).", parameter);
            }
        }
    }

    private static ScenarioRun Make(ScenarioModel model, Scenario scenario, UncertaintyModel uncertainty, IndicatorCatalogue catalogue,
        ImmutableArray<(string, string)> pairs, bool[]? kept, int lastYear, int trajectories, ulong seed, int maxDegreeOfParallelism, IEnumerable<string>? pyramid,
        IEnumerable<AgeRange>? residentsAged, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(uncertainty);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trajectories, StochasticProjection.MaxTrajectories);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        if (lastYear <= model.BaseYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, $"must be after the base year {model.BaseYear}.");
        }

        ImmutableArray<int> years = [.. Enumerable.Range(model.BaseYear + 1, lastYear - model.BaseYear)];
        // A both-sexes e0 is met by the sexes' e0 its projection finds (Scenario.BySex): found once, in the central
        // projection, not in every trajectory, which draws each sex around them.
        if (scenario.Gives(ScenarioAssumption.LifeExpectancy))
        {
            scenario = scenario.BySex(new ScenarioProjector(model, countDeaths: false).Project(scenario, lastYear).Years);
        }

        var grid = model.Ages;
        var groups = AgeGroups.FiveYear(0, grid.OpenAge - (grid.OpenAge % 5));
        var counties = model.Counties.Count;
        var scenarioPlaces = new ScenarioPlaces(model, catalogue.Regions);
        ImmutableArray<string> places = [.. (pyramid ?? []).Select(catalogue.Regions.KeyOrSelf).Distinct().Where(r => scenarioPlaces.TryFind(r, out _))];
        var groupStart = groups.BoundsOn(grid);
        ImmutableArray<AgeRange> ages = [.. (residentsAged ?? []).Distinct()];
        RequireOnGrid(grid, ages);
        var stride = 2 * groups.Count + ages.Length; // a place's cells in a year
        var rowValues = pairs.Length * years.Length;
        var rowPyramid = places.Length * years.Length * stride;
        var values = new float[checked(trajectories * rowValues)];
        using var pyramidValues = places.IsEmpty ? null : new TrajectoryValues(trajectories, rowPyramid);
        // A run given up (a slider moved on) stops within a block of trajectories, leaving the cores to the next.
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism, CancellationToken = cancel };
        cancel.ThrowIfCancellationRequested();
        var size = TrajectoryValues.BlockSize;
        // Series whose inputs a projection never holds (education, registered population, a grouping of streets) are
        // missing in every trajectory: recorded as such without asking the calculator each time.
        var formulas = pairs.Select(p => catalogue[p.Item1].Formula!).ToArray(); // the pairs' regions are keys already
        var given = pairs.Select((p, s) => ScenarioIndicatorData.CanGive(formulas[s], p.Item2, scenarioPlaces)).ToArray();

        // The years up to the processes' base year have no deviation in any draw (ScenarioDraw), so every trajectory
        // projects them alike: they are projected once, with their indicators, and each trajectory begins after them.
        // They are projected with a draw (the first trajectory's; any gives the same years), as its e0 is rounded.
        var sharedYears = Math.Clamp(uncertainty.BaseYear - model.BaseYear, 0, years.Length - 1);
        ScenarioProjection? shared = null;
        float[]? sharedValues = null;
        float[]? sharedGroups = null; // the pyramid's rows of the shared years (the later years' cells unused)
        if (sharedYears > 0)
        {
            sharedValues = new float[rowValues];
            sharedGroups = new float[rowPyramid];
            var draw = new ScenarioDraw(uncertainty, counties, lastYear);
            draw.Draw(seed, 0);
            shared = new ScenarioProjector<float>(model, countDeaths: false).Project(scenario, model.BaseYear + sharedYears, draw);
            var data = new ScenarioIndicatorData(shared, catalogue, scenarioPlaces);
            WriteSeries(new IndicatorCalculator(catalogue, data), sharedValues, 0, sharedYears);
            WritePlaces(data, new double[stride], sharedGroups, 0, sharedYears);
        }

        void WriteSeries(IndicatorCalculator calculator, Span<float> row, int firstYear, int endYear)
        {
            for (var s = 0; s < pairs.Length; s++)
            {
                if (!given[s])
                {
                    row.Slice(s * years.Length + firstYear, endYear - firstYear).Fill(float.NaN);
                    continue;
                }

                for (var y = firstYear; y < endYear; y++)
                {
                    if (kept is not null && !kept[s * years.Length + y])
                    {
                        row[s * years.Length + y] = float.NaN;
                        continue;
                    }

                    var v = calculator.Recompute(formulas[s], pairs[s].Item2, years[y]);
                    row[s * years.Length + y] = v.HasValue ? (float)v.Value : float.NaN;
                }
            }
        }

        // Each place's residents by sex and group, then of each age range, in the years [firstYear, endYear), from the
        // population tables the indicators read: tables the calculator has mostly made already, where summing every
        // state's groups for each place cost a fifth of the run.
        void WritePlaces(ScenarioIndicatorData data, Span<double> sums, Span<float> row, int firstYear, int endYear)
        {
            var g = groups.Count;
            for (var p = 0; p < places.Length; p++)
            {
                for (var y = firstYear; y < endYear; y++)
                {
                    var residents = data.Population(PopulationKind.Resident, places[p], years[y]).Value;
                    Kernels.RowGroupSums(residents.BySex!.Male.Values, grid.Count, groupStart, sums[..g]);
                    Kernels.RowGroupSums(residents.BySex.Female.Values, grid.Count, groupStart, sums[g..(2 * g)]);
                    for (var r = 0; r < ages.Length; r++)
                    {
                        residents.TrySum(ages[r], null, out sums[2 * g + r], out _); // on the grid: RequireOnGrid
                    }

                    TensorPrimitives.ConvertTruncating<double, float>(sums, row.Slice((p * years.Length + y) * stride, stride)); // rounds to nearest, as a cast
                }
            }
        }

        Parallel.For(0, (trajectories + size - 1) / size, options,
            () => new Worker(new ScenarioProjector<float>(model, countDeaths: false), new ScenarioDraw(uncertainty, counties, lastYear), new double[stride], new float[size * rowPyramid]),
            (block, _, w) =>
            {
                var count = Math.Min(size, trajectories - block * size);
                for (var j = 0; j < count; j++)
                {
                    var i = block * size + j;
                    w.Draw.Draw(seed, i);
                    var projection = w.Last = w.Projector.Project(scenario, lastYear, w.Draw, w.Last, shared);
                    var row = values.AsSpan(i * rowValues, rowValues);
                    sharedValues?.CopyTo(row);
                    if (w.Data is null)
                    {
                        w.Data = new ScenarioIndicatorData(projection, catalogue, scenarioPlaces);
                        w.Calculator = new IndicatorCalculator(catalogue, w.Data);
                    }
                    else
                    {
                        w.Data.Recycle(projection);
                    }

                    WriteSeries(w.Calculator!, row, sharedYears, years.Length);
                    var groupsRow = w.Rows.AsSpan(j * rowPyramid, rowPyramid);
                    for (var p = 0; sharedGroups is not null && p < places.Length; p++)
                    {
                        var (at, length) = (p * years.Length * stride, sharedYears * stride);
                        sharedGroups.AsSpan(at, length).CopyTo(groupsRow.Slice(at, length));
                    }

                    WritePlaces(w.Data, w.Groups, groupsRow, sharedYears, years.Length);
                }

                pyramidValues?.WriteBlock(block, w.Rows.AsSpan(0, count * rowPyramid));
                return w;
            }, _ => { });

        var quantiles = pyramidValues?.Summarise(TrajectoryResults.Probabilities.AsSpan(), maxDegreeOfParallelism).Quantiles ?? [];
        return new ScenarioRun(scenario, trajectories, seed, years, pairs, values, kept, places, ages, groups, quantiles, catalogue.Regions);
    }

    /// <summary>Refuses an age range that a population on the grid cannot be summed over (<see cref="AgeSexCounts.TrySum"/>).</summary>
    /// <exception cref="ArgumentException">A range begins or ends within one of the grid's age groups, or within its open group.</exception>
    private static void RequireOnGrid(AgeGroups grid, IEnumerable<AgeRange> ages)
    {
        var empty = AgeSexCounts.BothSexes(new PopulationByAge(grid, new double[grid.Count]));
        foreach (var range in ages)
        {
            if (!empty.TrySum(range, null, out _, out var reason))
            {
                throw new ArgumentException($"the ages {range} cannot be counted on the projection's ages: {reason!.English}.", nameof(ages));
            }
        }
    }

    /// <summary>One thread's workspace: a projector, a draw, the last trajectory's projection (its arrays are recycled
    /// by the next) and its indicator data with their calculator (recycled likewise), a place's cells of one year (group
    /// sums by sex, residents of each age range) and the pyramid's rows of a block of trajectories.</summary>
    private sealed class Worker(ScenarioProjector<float> projector, ScenarioDraw draw, double[] groups, float[] rows)
    {
        public float[] Rows { get; } = rows;

        public ScenarioProjector<float> Projector { get; } = projector;

        public ScenarioDraw Draw { get; } = draw;

        public double[] Groups { get; } = groups;

        public ScenarioProjection? Last { get; set; }

        public ScenarioIndicatorData? Data { get; set; }

        public IndicatorCalculator? Calculator { get; set; }
    }

    /// <summary>Whether the run holds <paramref name="indicatorId"/> for <paramref name="region"/>.</summary>
    public bool Holds(string indicatorId, string region) => _seriesIndex.ContainsKey((indicatorId, _regions.KeyOrSelf(region)));

    /// <summary>Whether the run holds <paramref name="indicatorId"/> for <paramref name="region"/> in <paramref name="year"/>
    /// (a run made by <see cref="RunKeeping"/> holds only the years it was asked to keep).</summary>
    public bool Holds(string indicatorId, string region, int year) =>
        _seriesIndex.TryGetValue((indicatorId, _regions.KeyOrSelf(region)), out var s) && Kept(s, year - Years[0]);

    /// <summary>
    /// Whether the trajectories give an indicator different values in some year held: false for one no drawn process moves
    /// (the sex ratio at birth, a scenario assumption applied to every birth; graduate retention), whose probability of
    /// meeting a target is then 0 or 1 — the deterministic answer, not a measure of uncertainty. Values within a
    /// millionth of each other count as equal (they are kept in single precision).
    /// </summary>
    /// <exception cref="ArgumentException">The run does not hold the pair.</exception>
    /// <remarks>Kept by series once found: every target of an indicator (one a target year) asks the same question.</remarks>
    public bool Varies(string indicatorId, string region) => _varies.GetOrAdd(_series[Series(indicatorId, region)], s => Years.Where(year => Holds(s.Indicator, s.Region, year)).Any(year =>
    {
        var values = Values(s.Indicator, s.Region, year).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var (min, max) = (values.Min(), values.Max());
        return max - min > 1e-6 * Math.Max(Math.Abs(min), Math.Abs(max));
    }));

    /// <summary>The value of every trajectory in <paramref name="year"/>, in trajectory order (NaN where the indicator cannot be computed).</summary>
    /// <exception cref="ArgumentException">The run does not hold the pair or the year.</exception>
    public double[] Values(string indicatorId, string region, int year)
    {
        var s = Series(indicatorId, region);
        var y = YearIndex(year);
        if (!Kept(s, y))
        {
            throw new ArgumentException($"the run keeps {indicatorId} of {region} only in {string.Join(", ", Years.Where((_, i) => Kept(s, i)))}, not in {year}.", nameof(year));
        }

        var result = new double[Trajectories];
        var row = _series.Length * Years.Length;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _values[i * row + s * Years.Length + y];
        }

        return result;
    }

    /// <summary>The quantiles <see cref="TrajectoryResults.Probabilities"/> of an indicator in a year, or null when some
    /// trajectory cannot compute it.</summary>
    public double[]? Quantiles(string indicatorId, string region, int year)
    {
        var values = Values(indicatorId, region, year);
        if (values.Any(double.IsNaN))
        {
            return null;
        }

        var result = new double[TrajectoryResults.Probabilities.Length];
        Demography.Stochastic.Quantiles.Compute(values, TrajectoryResults.Probabilities.AsSpan(), result);
        return result;
    }

    /// <summary>The quantiles of population of one sex and age group of the pyramid of a region the run keeps it for.</summary>
    /// <exception cref="ArgumentException">The run keeps no pyramid of the region, or the year is not projected.</exception>
    public ReadOnlySpan<double> PyramidQuantiles(string region, int year, Sex sex, int ageGroup)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ageGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ageGroup, AgeGroups.Count);
        return PlaceQuantiles(region, year, (int)sex * AgeGroups.Count + ageGroup);
    }

    /// <summary>The quantiles of the residents of both sexes aged <paramref name="ages"/> of a region the run keeps a
    /// pyramid for, when the run was made keeping those ages (<see cref="KeepsResidentsAged"/>).</summary>
    /// <exception cref="ArgumentException">The run keeps no pyramid of the region or not those ages, or the year is not projected.</exception>
    public ReadOnlySpan<double> ResidentsQuantiles(string region, int year, AgeRange ages)
    {
        var r = _ages.IndexOf(ages);
        return r >= 0
            ? PlaceQuantiles(region, year, 2 * AgeGroups.Count + r)
            : throw new ArgumentException($"the run of '{Scenario}' keeps no residents aged {ages} (it keeps {(_ages.IsEmpty ? "none" : string.Join(", ", _ages))}).", nameof(ages));
    }

    /// <summary>Whether the run keeps the residents aged <paramref name="ages"/> of the places of its pyramid.</summary>
    public bool KeepsResidentsAged(AgeRange ages) => _ages.Contains(ages);

    /// <summary>The quantiles of one of a pyramid place's cells in a year.</summary>
    private ReadOnlySpan<double> PlaceQuantiles(string region, int year, int cell)
    {
        var p = _places.IndexOf(_regions.KeyOrSelf(region));
        if (p < 0)
        {
            throw new ArgumentException(_places.IsEmpty
                ? $"the run of '{Scenario}' was made without its pyramid."
                : $"the run of '{Scenario}' keeps no pyramid of '{region}' (it keeps {string.Join(", ", _places.Select(_regions.NameOf))}).", nameof(region));
        }

        var q = TrajectoryResults.Probabilities.Length;
        var at = (p * Years.Length + YearIndex(year)) * (2 * AgeGroups.Count + _ages.Length) + cell;
        return _pyramid.AsSpan(at * q, q);
    }

    /// <summary>Whether the pyramid has <paramref name="region"/> (never, for a run made without its pyramid).</summary>
    public bool HasPyramid(string region) => _places.Contains(_regions.KeyOrSelf(region));

    /// <summary>
    /// The probability that each evaluation's target is met: the share of trajectories in which its rule holds with the
    /// years after the evaluation year taken from the trajectory (<see cref="TargetEvaluator.Meets"/>). Null for a target
    /// not ahead of the evaluation year, or whose indicator the run does not hold for the region, or that a trajectory cannot judge.
    /// </summary>
    /// <remarks>Trajectories are judged on every core, so <paramref name="evaluator"/>'s calculator is read from several
    /// threads at once (the plan's calculators are: their data are read-only or guarded).</remarks>
    public IReadOnlyList<double?> Probabilities(TargetEvaluator evaluator, TargetBook book, IReadOnlyList<TargetEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(evaluations);
        // A rule for each target ahead that the run holds (null: not judged).
        var rules = evaluations.Select(e => (e.Target.Year ?? e.AsOfYear) > e.AsOfYear && Holds(e.Target.IndicatorId, e.Region)
            ? evaluator.Rule(book, e.Target, e.Region, e.AsOfYear)
            : null).ToArray();
        var met = new int[evaluations.Count];
        var undecided = new bool[evaluations.Count];
        var gate = new Lock();
        // Trajectories in ranges on every core (a slider move waits for them); the counts do not depend on the order.
        Parallel.ForEach(Partitioner.Create(0, Trajectories, Math.Max(1, Trajectories / (4 * Environment.ProcessorCount))), range =>
        {
            var (ownMet, ownUndecided) = (new int[evaluations.Count], new bool[evaluations.Count]);
            var i = range.Item1;
            var projected = new ProjectedIndicators(Scenario, _regions, _scenarioZh, (id, region, year) => ValueOf(i, id, region, year)); // trajectory i's values
            for (; i < range.Item2; i++)
            {
                for (var k = 0; k < evaluations.Count; k++)
                {
                    // A target one trajectory cannot judge has no probability: the range's other trajectories are not
                    // judged on it (a series no projection gives, education's say, is missing in every one).
                    if (rules[k] is not { } rule || ownUndecided[k])
                    {
                        continue;
                    }

                    switch (rule(projected))
                    {
                        case true:
                            ownMet[k]++;
                            break;
                        case null:
                            ownUndecided[k] = true;
                            break;
                    }
                }
            }

            lock (gate)
            {
                for (var k = 0; k < met.Length; k++)
                {
                    met[k] += ownMet[k];
                    undecided[k] |= ownUndecided[k];
                }
            }
        });

        return [.. Enumerable.Range(0, evaluations.Count).Select(k => rules[k] is not null && !undecided[k] ? (double?)met[k] / Trajectories : null)];
    }

    /// <summary>One trajectory's indicators of some regions, as the target evaluator reads a projection.</summary>
    public ProjectedIndicators Trajectory(int trajectory, IReadOnlySet<string>? regions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trajectory);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trajectory, Trajectories);
        var result = new ProjectedIndicators(Scenario, _regions, _scenarioZh);
        Fill(trajectory, regions, result);
        return result;
    }

    /// <summary>One trajectory's value of a series the run holds in a projected year, or null.</summary>
    private double? ValueOf(int trajectory, string indicatorId, string regionKey, int year)
    {
        var y = year - Years[0];
        if (!_seriesIndex.TryGetValue((indicatorId, regionKey), out var s) || y < 0 || y >= Years.Length) // a year before the run's (an evaluation as of 2000) is not projected
        {
            return null;
        }

        var v = _values[(trajectory * _series.Length + s) * Years.Length + y];
        return float.IsNaN(v) ? null : v;
    }

    /// <summary>Adds one trajectory's values to <paramref name="into"/>.</summary>
    private void Fill(int trajectory, IReadOnlySet<string>? regions, ProjectedIndicators into)
    {
        var row = _series.Length * Years.Length;
        for (var s = 0; s < _series.Length; s++)
        {
            var (id, region) = _series[s];
            if (regions is not null && !regions.Contains(region))
            {
                continue;
            }

            for (var y = 0; y < Years.Length; y++)
            {
                var v = _values[trajectory * row + s * Years.Length + y];
                if (!float.IsNaN(v))
                {
                    into.Add(id, region, Years[y], v);
                }
            }
        }
    }

    private int Series(string indicatorId, string region) =>
        _seriesIndex.TryGetValue((indicatorId, _regions.KeyOrSelf(region)), out var s)
            ? s
            : throw new ArgumentException($"the run holds no {indicatorId} for {region}.", nameof(indicatorId));

    /// <summary>Whether the run keeps series s in the year of index y (false for a year it does not project).</summary>
    private bool Kept(int s, int y) => y >= 0 && y < Years.Length && (_kept is null || _kept[s * Years.Length + y]);

    private int YearIndex(int year)
    {
        var y = Years.IndexOf(year);
        return y >= 0 ? y : throw new ArgumentOutOfRangeException(nameof(year), year, $"is not a projected year ({Years[0]}–{Years[^1]}).");
    }
}
