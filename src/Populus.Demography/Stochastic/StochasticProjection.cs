using System.Collections.Immutable;
using System.Numerics.Tensors;
using Populus.Demography.Preparation;
using Populus.Demography.Projection;

namespace Populus.Demography.Stochastic;

/// <summary>
/// A probabilistic cohort-component projection: N trajectories of the multiregional engine, each with its own draw
/// of the <see cref="UncertaintyModel"/>'s processes around the scenario's central rates, summarised by mean and
/// quantiles (docs/methods.md "Probabilistic projection").
/// </summary>
/// <remarks>
/// <para>Everything that does not depend on the draw is prepared once: each region's central rates for every step
/// (<see cref="StepRatePreparation"/>: schedules at the step centre, calibrated to the central e0 and TFR), a
/// <see cref="SurvivalFamily"/> per region, sex and step (held flat in <see cref="SurvivalFamilies"/>), and how
/// migration deviations are spread over age and sex.
/// A trajectory then costs, per step and region, one interpolation of survival ratios in e0, a scaling of the
/// fertility schedule by TFR/TFR* (a TFR level sets the schedule by proportional scaling, as in the deterministic
/// preparation) and the migrants, written into a reusable <see cref="ProjectionStepBuffer{T}"/>, and one engine step.
/// Trajectories run in single precision (<see cref="CohortComponentProjection{T}"/> of float: their values are stored
/// as floats, and a step then moves half the memory); the central tables are prepared in double precision and rounded
/// once, and the draws, a region's total for its migration deviation and the summaries stay in double
/// (docs/methods.md "Why trajectories run in single precision").
/// The buffer's arrays are not re-checked each step (<see cref="ProjectionStepBuffer{T}.CommitTrusted"/>): survival is
/// clamped to [0, 1] and fertility and migrants are scalings of checked tables (fertility keeps the central table's
/// fertile ages), so checking the TFR ratio against the central peak and the migrants' sums for finiteness is enough;
/// a step that fails those is checked in full.</para>
/// <para>Trajectory i uses <see cref="RandomStream"/>(seed, i) and writes only its own values, so the results
/// are the same for any number of threads. The deviation of a step is the overlap-weighted mean of the calendar
/// years' deviations it covers (a July-to-July step: the mean of the two years), as the central levels are read.</para>
/// </remarks>
public sealed class StochasticProjection
{
    /// <summary>The most trajectories a run takes (issue 7 §2): 100,000 runs of the city case keep ≈ 3 GB of values.</summary>
    public const int MaxTrajectories = 100_000;

    private readonly StateSpace _states;
    private readonly AgeGroups _ages;
    private readonly int _a;
    private readonly int _r;
    private readonly float[] _initial; // the base population in the trajectories' precision
    private readonly int _startYear;
    private readonly int _steps;
    private readonly MigrationTiming _timing;
    private readonly UncertaintyModel _model;
    private readonly AgeGroups _groups;
    private readonly int[] _groupStart; // the grid index where each output age group starts, and the grid's end
    private readonly int[] _broadStart; // the same for 0–14, 15–64 and 65+
    private readonly int[]? _broadGroups; // the output groups where 0–14, 15–64 and 65+ start, when they nest those bounds
    private readonly IEnumerable<StateTransitions>?[] _transitions;
    private readonly int[] _transitionSetOfStep;
    private readonly int _horizons;
    private readonly (int Horizon, double Weight)[][] _stepYears;

    // Central rates [step][region …].
    private readonly float[][] _fertility;
    private readonly double[][] _tfr;
    private readonly double[][] _e0Male;
    private readonly double[][] _e0Female;
    private readonly double[][] _srb;
    private readonly float[][] _migrants;
    private readonly double[][] _perMigrant; // [step][region]: 1 / Σ|central migrants|, or 0 when none are assumed
    private readonly float[] _populationShare; // [region][sex][age]: the base population's distribution, for regions without migrants
    private readonly (int First, int End)[] _fertileAges; // [step]: the age groups of every region's non-zero central fertility
    private readonly (int First, int End) _fertileAnyStep; // the age groups with fertility in some step: beyond them the buffer's rates stay 0
    private readonly double[][] _fertilityPeak; // the largest central rate; +∞ when the first age group has fertility (refused by the step's check)
    private readonly SurvivalFamilies _families; // [step][region][sex]
    private readonly double[] _initialTotals; // each region's initial population, summed in grid order

    /// <param name="states">The units (regions) of the projection.</param>
    /// <param name="regions">Each unit's central assumptions, in state order.</param>
    /// <param name="initial">The base population [state][sex][age] on the regions' single-year grid.</param>
    /// <param name="startYear">The label of the base population's year; output years are startYear + 1 … startYear + steps.</param>
    /// <param name="startTime">The base population's time in calendar years (2023.5 = 1 July 2023).</param>
    /// <param name="steps">Annual steps.</param>
    /// <param name="timing">When migrants arrive within a step.</param>
    /// <param name="model">The random processes.</param>
    /// <param name="outputAgeGroups">Age groups population is summed to (from 0, open-ended, nesting the grid).</param>
    /// <param name="transitions">Moves between states for step k, or null for none.</param>
    /// <exception cref="ArgumentException">The inputs do not fit together, or the central rates cannot be prepared.</exception>
    public StochasticProjection(
        StateSpace states,
        IReadOnlyList<RegionAssumptions> regions,
        ReadOnlySpan<double> initial,
        int startYear,
        double startTime,
        int steps,
        MigrationTiming timing,
        UncertaintyModel model,
        AgeGroups outputAgeGroups,
        Func<int, IEnumerable<StateTransitions>?>? transitions = null)
    {
        Guard.NotNull(states);
        Guard.NotNull(regions);
        Guard.NotNull(model);
        Guard.NotNull(outputAgeGroups);
        model.Check();
        if (regions.Count != states.Count)
        {
            Guard.ThrowArgument(nameof(regions), $"{regions.Count} regions' assumptions for {states.Count} states.");
        }

        if (steps < 1)
        {
            Guard.ThrowRange(nameof(steps), steps, "must be at least 1");
        }

        _states = states;
        _ages = regions[0].Ages;
        _a = _ages.Count;
        _r = states.Count;
        if (initial.Length != _r * 2 * _a)
        {
            Guard.ThrowArgument(nameof(initial), $"initial population: {initial.Length} values given, {_r * 2 * _a} expected ([state][sex][age]).");
        }

        if (outputAgeGroups.FirstAge != 0 || !outputAgeGroups.IsOpenEnded || outputAgeGroups.OpenAge > _ages.OpenAge)
        {
            Guard.ThrowArgument(nameof(outputAgeGroups), $"Output age groups {outputAgeGroups} must start at 0 and end in an open group at or below {_ages.OpenAge}+.");
        }

        _initial = Kernels.Converted<double, float>(initial);
        _startYear = startYear;
        _steps = steps;
        _timing = timing;
        _model = model;
        _groups = outputAgeGroups;
        _groupStart = outputAgeGroups.BoundsOn(_ages);
        _broadStart = [0, _ages.IndexOf(15), _ages.IndexOf(65), _a];
        _broadGroups = BroadGroups(outputAgeGroups);

        (_stepYears, _horizons) = StepYears(startTime, steps, model.BaseYear);
        (_transitions, _transitionSetOfStep) = TransitionSets(transitions, steps);

        _fertility = new float[steps][];
        _tfr = new double[steps][];
        _e0Male = new double[steps][];
        _e0Female = new double[steps][];
        _srb = new double[steps][];
        _migrants = new float[steps][];
        _perMigrant = new double[steps][];
        _fertilityPeak = new double[steps][];
        _fertileAges = new (int, int)[steps];
        var families = new SurvivalFamily[steps * _r * 2];
        var central = new IReadOnlyList<PreparedRates>[steps];
        for (var k = 0; k < steps; k++)
        {
            var t = startTime + k;
            var prepared = regions.Select(r => StepRatePreparation.Prepare(r, t)).ToArray();
            central[k] = prepared;
            var fertility = new double[_r * _a];
            _tfr[k] = new double[_r];
            _e0Male[k] = new double[_r];
            _e0Female[k] = new double[_r];
            _srb[k] = new double[_r];
            var migrants = new double[_r * 2 * _a];
            _perMigrant[k] = new double[_r];
            _fertilityPeak[k] = new double[_r];
            for (var r = 0; r < _r; r++)
            {
                var p = prepared[r];
                p.Rates.FertilityOnGrid.CopyTo(fertility, r * _a);
                _fertilityPeak[k][r] = fertility[r * _a] != 0 ? double.PositiveInfinity : fertility.AsSpan(r * _a, _a).ToArray().Max();
                _tfr[k][r] = p.TotalFertility;
                _e0Male[k][r] = p.MaleLifeExpectancy;
                _e0Female[k][r] = p.FemaleLifeExpectancy;
                _srb[k][r] = p.Rates.SexRatioAtBirth.MalesPerFemale;
                p.Rates.MaleMigrants?.Values.CopyTo(migrants.AsSpan(r * 2 * _a));
                p.Rates.FemaleMigrants?.Values.CopyTo(migrants.AsSpan((r * 2 + 1) * _a));
                _perMigrant[k][r] = PerMigrant(migrants.AsSpan(r * 2 * _a, 2 * _a));
                var centre = t + 0.5;
                var region = regions[r];
                var male = region.MaleMortality.At(centre);
                var female = region.FemaleMortality.At(centre);
                families[(k * _r + r) * 2] = new SurvivalFamily(male.Values, male.Ages, p.MaleMortalityFactor, region.MaleLifeTable, _ages);
                families[(k * _r + r) * 2 + 1] = new SurvivalFamily(female.Values, female.Ages, p.FemaleMortalityFactor, region.FemaleLifeTable, _ages);
            }

            _fertility[k] = Kernels.Converted<double, float>(fertility);
            _migrants[k] = Kernels.Converted<double, float>(migrants);
            _fertileAges[k] = ProjectionStep<float>.FertileAges(_fertility[k], _a);
        }

        _fertileAnyStep = (_fertileAges.Min(f => f.First), _fertileAges.Max(f => f.End));
        _families = new SurvivalFamilies(families, _ages);
        _populationShare = Kernels.Converted<double, float>(PopulationShares(initial, 2 * _a));
        _initialTotals = new double[_r];
        Kernels.RowGroupSums(initial, 2 * _a, [0, 2 * _a], _initialTotals);
        Central = central;
        Units = _r > 1 ? [.. Enumerable.Range(0, _r).Select(states.Label), "total"] : [states.Label(0)];
        Years = [.. Enumerable.Range(startYear + 1, steps)];
    }

    /// <summary>The central rates of every step [step][region], as the deterministic projection uses them.</summary>
    public IReadOnlyList<IReadOnlyList<PreparedRates>> Central { get; }

    public ImmutableArray<string> Units { get; }

    public ImmutableArray<int> Years { get; }

    /// <summary>The survival families of every step, region and sex ([step][region][sex]), for the benchmarks.</summary>
    internal SurvivalFamilies Families => _families;

    /// <summary>Runs <paramref name="trajectories"/> trajectories seeded by <paramref name="seed"/> and summarises them.</summary>
    /// <param name="trajectories">N, 1 … 100,000.</param>
    /// <param name="seed">The run's seed: the same seed gives the same results on any number of threads.</param>
    /// <param name="maxDegreeOfParallelism">Threads; 0 uses every core.</param>
    public TrajectoryResults Run(int trajectories, ulong seed, int maxDegreeOfParallelism = 0)
    {
        if (trajectories < 1 || trajectories > MaxTrajectories)
        {
            Guard.ThrowRange(nameof(trajectories), trajectories, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be between 1 and {MaxTrajectories:N0}"));
        }

        if (maxDegreeOfParallelism < 0)
        {
            Guard.ThrowRange(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "must be 0 (all cores) or positive");
        }

        var cellsPerUnit = TrajectoryResults.CellsPer(_groups);
        var values = new TrajectoryValues(trajectories, Years.Length * Units.Length * cellsPerUnit);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism };
        Parallel.For(0, values.Blocks, options, () => new Worker(this, values.Cells), (block, _, worker) =>
        {
            worker.RunBlock(seed, block, values);
            return worker;
        }, _ => { });

        var (mean, quantiles) = values.Summarise(TrajectoryResults.Probabilities.AsSpan(), maxDegreeOfParallelism);
        return new TrajectoryResults(trajectories, seed, Years, Units, _groups, values, mean, quantiles);
    }

    /// <summary>The calendar years each step covers, with their weights, as horizons from the base year (before it: 0).</summary>
    private static ((int, double)[][] Years, int Horizons) StepYears(double startTime, int steps, int baseYear)
    {
        var result = new (int, double)[steps][];
        var horizons = 1;
        for (var k = 0; k < steps; k++)
        {
            var (t0, t1) = (startTime + k, startTime + k + 1);
            var list = new List<(int, double)>();
            for (var y = (int)Math.Floor(t0); y < t1; y++)
            {
                var w = Math.Min(t1, y + 1) - Math.Max(t0, y);
                if (w > 0)
                {
                    var h = Math.Max(0, y - baseYear);
                    list.Add((h, w));
                    horizons = Math.Max(horizons, h + 1);
                }
            }

            result[k] = [.. list];
        }

        return (result, horizons);
    }

    /// <summary>The distinct transition sets (one step buffer each) and the set each step uses.</summary>
    private static (IEnumerable<StateTransitions>?[], int[]) TransitionSets(Func<int, IEnumerable<StateTransitions>?>? transitions, int steps)
    {
        var sets = new List<StateTransitions[]?>();
        var ofStep = new int[steps];
        for (var k = 0; k < steps; k++)
        {
            var set = transitions?.Invoke(k)?.ToArray();
            var index = sets.FindIndex(s => (s is null && set is null) || (s is not null && set is not null && s.SequenceEqual(set, ReferenceEqualityComparer.Instance)));
            if (index < 0)
            {
                index = sets.Count;
                sets.Add(set);
            }

            ofStep[k] = index;
        }

        return ([.. sets], ofStep);
    }

    /// <summary>The output groups where 0–14, 15–64 and 65+ start, then the group count; null when 15 or 65 falls inside a group.</summary>
    private static int[]? BroadGroups(AgeGroups groups)
    {
        var (working, older) = (groups.IndexOf(15), groups.IndexOf(65));
        return groups.Start(working) == 15 && groups.Start(older) == 65 ? [0, working, older, groups.Count] : null;
    }

    /// <summary>1 / Σ|migrants|, or 0 when there are none.</summary>
    private static double PerMigrant(ReadOnlySpan<double> migrants)
    {
        var total = 0.0;
        foreach (var m in migrants)
        {
            total += Math.Abs(m);
        }

        return total > 0 ? 1 / total : 0;
    }

    /// <summary>Each region's population by sex and age as a share of its total (0 for an empty region).</summary>
    private static double[] PopulationShares(ReadOnlySpan<double> population, int block)
    {
        var shares = new double[population.Length];
        for (var r = 0; r < population.Length / block; r++)
        {
            var region = population.Slice(r * block, block);
            var total = 0.0;
            foreach (var p in region)
            {
                total += p;
            }

            if (total > 0)
            {
                Kernels.Scale(shares.AsSpan(r * block, block), region, 1 / total);
            }
        }

        return shares;
    }

    /// <summary>One thread's workspace: an engine, a step buffer per transition set and the draw of one trajectory.</summary>
    private sealed class Worker
    {
        private readonly StochasticProjection _p;
        private readonly CohortComponentProjection<float> _engine;
        private readonly ProjectionStepBuffer<float>[] _buffers;
        private readonly RegionalPaths _draw;
        private readonly float[] _sums; // per unit: [sex][group]
        private readonly double[] _broad; // per unit: 0–14, 15–64, 65+
        private readonly float[] _broadBySex; // per region and sex: 0–14, 15–64, 65+
        private readonly double[] _totals; // per region: the current population (its three broad age groups summed)
        private readonly float[] _rows; // the block's trajectories, one row of cells each

        public Worker(StochasticProjection p, int cells)
        {
            _p = p;
            _rows = new float[TrajectoryValues.BlockSize * cells];
            _engine = new CohortComponentProjection<float>(p._states, p._ages, outputs: ProjectionOutputs.Population, maxDegreeOfParallelism: 1);
            _buffers = [.. p._transitions.Select(t => new ProjectionStepBuffer<float>(p._ages, p._r, hasMigrants: true, p._timing, t))];
            _draw = new RegionalPaths(p._model, p._r, p._horizons);
            _sums = new float[(p._r + 1) * 2 * p._groups.Count];
            _broad = new double[(p._r + 1) * 3];
            _broadBySex = new float[p._r * 2 * 3];
            _totals = new double[p._r];
        }

        /// <summary>Runs the trajectories of <paramref name="block"/> into the worker's rows, then writes them into the results.</summary>
        public void RunBlock(ulong seed, int block, TrajectoryValues values)
        {
            var size = TrajectoryValues.BlockSize;
            var cells = values.Cells;
            var count = Math.Min(size, values.Trajectories - block * size);
            for (var j = 0; j < count; j++)
            {
                Run(seed, block * size + j, _rows.AsSpan(j * cells, cells));
            }

            values.WriteBlock(block, _rows.AsSpan(0, count * cells));
        }

        private void Run(ulong seed, int trajectory, Span<float> row)
        {
            var p = _p;
            var model = p._model;
            var rng = new RandomStream(seed, trajectory);
            _draw.Draw(ref rng);

            _engine.Begin(p._startYear, p._initial);
            p._initialTotals.CopyTo(_totals, 0);
            var a = p._a;
            var (lo, hi) = p._fertileAnyStep;
            var cellsPerUnit = TrajectoryResults.CellsPer(p._groups);
            for (var k = 0; k < p._steps; k++)
            {
                var buffer = _buffers[p._transitionSetOfStep[k]];
                var trusted = true;
                var yearBase = k * p.Units.Length * cellsPerUnit;
                for (var r = 0; r < p._r; r++)
                {
                    var unit = row.Slice(yearBase + r * cellsPerUnit, cellsPerUnit);
                    var indicators = unit[(2 * p._groups.Count)..];

                    var tfr = model.TotalFertilityAt(p._tfr[k][r], Deviation(RegionalPaths.TotalFertility, r, k));
                    var ratio = tfr / p._tfr[k][r];
                    Kernels.Scale(buffer.Fertility.Slice(r * a + lo, hi - lo), p._fertility[k].AsSpan(r * a + lo, hi - lo), (float)ratio);
                    trusted &= ratio * p._fertilityPeak[k][r] <= FertilityRates.MaximumRate;

                    var (e0Female, e0Male) = model.LifeExpectanciesAt(p._e0Female[k][r], p._e0Male[k][r],
                        Deviation(RegionalPaths.FemaleLifeExpectancy, r, k), Deviation(RegionalPaths.MaleLifeExpectancyOwn, r, k));
                    trusted &= double.IsFinite(e0Male) && double.IsFinite(e0Female);
                    var e0MaleHeld = p._families.Interpolate((k * p._r + r) * 2, e0Male, buffer.Survival.Slice(r * 2 * a, a));
                    var e0FemaleHeld = p._families.Interpolate((k * p._r + r) * 2 + 1, e0Female, buffer.Survival.Slice((r * 2 + 1) * a, a));
                    buffer.SexRatioAtBirth[r] = (float)p._srb[k][r];

                    var extra = Deviation(RegionalPaths.NetMigrationRate, r, k) * _totals[r];
                    var m = buffer.NetMigrants.Slice(r * 2 * a, 2 * a);
                    // The deviation is spread like the central migrants' absolute values (who moves), or like the
                    // population where no migrants are assumed.
                    if (p._perMigrant[k][r] > 0)
                    {
                        Kernels.AddAbsScaled(m, p._migrants[k].AsSpan(r * 2 * a, 2 * a), (float)(extra * p._perMigrant[k][r]));
                    }
                    else
                    {
                        Kernels.Scale(m, p._populationShare.AsSpan(r * 2 * a, 2 * a), (float)extra);
                    }
                    indicators[(int)TrajectoryIndicator.TotalFertility] = (float)tfr;
                    indicators[(int)TrajectoryIndicator.MaleLifeExpectancy] = (float)e0MaleHeld;
                    indicators[(int)TrajectoryIndicator.FemaleLifeExpectancy] = (float)e0FemaleHeld;
                }

                // Migrants finite (their sum is) with every value clamped or scaled from checked tables: the step needs no array check.
                for (var r = 0; r < p._r; r++)
                {
                    var migrants = Kernels.Sum<float>(buffer.NetMigrants.Slice(r * 2 * a, 2 * a));
                    row[yearBase + r * cellsPerUnit + 2 * p._groups.Count + (int)TrajectoryIndicator.NetMigrants] = migrants;
                    trusted &= float.IsFinite(migrants);
                }

                if (trusted)
                {
                    _engine.AdvanceTrusted(buffer, p._fertileAges[k]);
                }
                else
                {
                    _engine.Advance(buffer);
                }

                Record(row.Slice(yearBase, p.Units.Length * cellsPerUnit), cellsPerUnit);
            }
        }

        private double Deviation(int variable, int region, int step)
        {
            var d = 0.0;
            foreach (var (horizon, weight) in _p._stepYears[step])
            {
                d += weight * _draw[variable, region, horizon];
            }

            return d;
        }

        /// <summary>Population by sex and age group, births and age shares of each unit (and their sum) after the step; each
        /// region's total for the next step's migration.</summary>
        private void Record(Span<float> year, int cellsPerUnit)
        {
            var p = _p;
            var a = p._a;
            var g = p._groups.Count;
            var population = _engine.CurrentPopulation;
            var births = _engine.LastStepBirths;
            var total = p._r; // the sum of units, when there are several
            // Rows [region][sex] of the grid summed to the output groups; the broad groups and totals from those sums
            // (one pass over the grid) when the output groups nest them.
            Kernels.RowGroupSums(population, a, p._groupStart, _sums.AsSpan(0, p._r * 2 * g));
            if (p._broadGroups is { } broad)
            {
                Kernels.RowGroupSums(_sums.AsSpan(0, p._r * 2 * g), g, broad, _broadBySex);
            }
            else
            {
                Kernels.RowGroupSums(population, a, p._broadStart, _broadBySex);
            }

            for (var i = 0; i < p._r * 3; i++)
            {
                _broad[i] = (double)_broadBySex[(i / 3 * 2) * 3 + i % 3] + _broadBySex[(i / 3 * 2 + 1) * 3 + i % 3];
            }

            for (var r = 0; r < p._r; r++)
            {
                _totals[r] = _broad[r * 3] + _broad[r * 3 + 1] + _broad[r * 3 + 2];
            }

            _sums.AsSpan(total * 2 * g).Clear();
            _broad.AsSpan(total * 3).Clear();

            var units = p.Units.Length;
            for (var u = 0; u < units; u++)
            {
                var unit = year.Slice(u * cellsPerUnit, cellsPerUnit);
                var indicators = unit[(2 * g)..];
                if (u == total)
                {
                    // The sum of units: add up what the units recorded.
                    var sum = _sums.AsSpan(total * 2 * g, 2 * g);
                    for (var r = 0; r < p._r; r++)
                    {
                        TensorPrimitives.Add(sum, _sums.AsSpan(r * 2 * g, 2 * g), sum);
                        for (var i = 0; i < 3; i++)
                        {
                            _broad[total * 3 + i] += _broad[r * 3 + i];
                        }
                    }

                    var migrants = 0.0;
                    var allBirths = 0.0;
                    for (var r = 0; r < p._r; r++)
                    {
                        migrants += year[r * cellsPerUnit + 2 * g + (int)TrajectoryIndicator.NetMigrants];
                        allBirths += births[r * 2] + births[r * 2 + 1];
                    }

                    indicators[(int)TrajectoryIndicator.NetMigrants] = (float)migrants;
                    indicators[(int)TrajectoryIndicator.Births] = (float)allBirths;
                    indicators[(int)TrajectoryIndicator.TotalFertility] = float.NaN;
                    indicators[(int)TrajectoryIndicator.MaleLifeExpectancy] = float.NaN;
                    indicators[(int)TrajectoryIndicator.FemaleLifeExpectancy] = float.NaN;
                }
                else
                {
                    indicators[(int)TrajectoryIndicator.Births] = (float)(births[u * 2] + births[u * 2 + 1]);
                }

                _sums.AsSpan(u * 2 * g, 2 * g).CopyTo(unit[..(2 * g)]);

                var (children, working, older) = (_broad[u * 3], _broad[u * 3 + 1], _broad[u * 3 + 2]);
                var all = children + working + older;
                indicators[(int)TrajectoryIndicator.Population] = (float)all;
                indicators[(int)TrajectoryIndicator.ChildSharePercent] = (float)(100 * children / all);
                indicators[(int)TrajectoryIndicator.OlderSharePercent] = (float)(100 * older / all);
                indicators[(int)TrajectoryIndicator.OldAgeDependencyRatio] = (float)(100 * older / working);
            }
        }
    }
}
