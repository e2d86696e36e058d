using System.Numerics;
using System.Numerics.Tensors;
using Populus.Demography;
using Populus.Demography.Migration;
using Populus.Demography.Preparation;
using Populus.Demography.Projection;
using Populus.Planning.Probability;

namespace Populus.Planning.Scenarios;

/// <summary>
/// Projects a <see cref="ScenarioModel"/> (regions × urban/rural, single years of age, annual steps) under any
/// scenario. A reusable workspace: what no scenario changes is computed once (state space, the engine and one step
/// buffer, packed base, age profiles of fertility and migration, the reclassification pairs, whose one set the
/// buffer scales by each year's rate), and the mortality of each life expectancy is calibrated once and kept with the
/// model (<see cref="MortalityLevels"/>), so a re-projection after a lever moves costs little more than the engine's own steps.
/// </summary>
/// <remarks>
/// <para>Each calendar year Y is one step from the end of Y−1 to the end of Y, with the scenario's levels of Y
/// ([PHG2001] ch. 6; multiregional form [Rogers1995]):</para>
/// <list type="bullet">
/// <item>mortality: the model's death-rate pattern of each sex scaled by one factor to the year's e0
/// (<see cref="LifeExpectancyCalibration"/>; life tables with the Andreev–Kingkade 1a0 and Lω = lω/mω, the
/// conventions of the indicator calculator's e0(), so projected e0 reproduces the assumption);</item>
/// <item>fertility: the pattern scaled to the year's TFR, the same in every region and residence;</item>
/// <item>net migration: the year's total plus graduates × (retention − reference retention), spread over regions
/// by their shares (moved between regions in a year the regions' published year ends calibrate,
/// <see cref="Scenario.RedistributedMigrants"/>), within a region over urban and rural by its migrant urban share, over
/// ages by the Rogers–Castro profile [RC1981] and over sexes by the migrant male share; half arrive at the start of the
/// year, half at the end ([PHG2001] Box 6.2);</item>
/// <item>urbanization: rural residents of every region are reclassified urban with one probability r, the one
/// that brings the city's urban share to the year's path if the population only changed by the year's migrants:
/// r = (u*·(P + M) − (U + M_U)) / (R + M_R), clamped to [0, 1] (no urban→rural reclassification). Births,
/// deaths and the age profile of reclassification shift the result slightly from the path.</item>
/// </list>
/// <para>The arithmetic of the steps is in <typeparamref name="T"/>: double for the scenario itself
/// (<see cref="ScenarioProjector"/>), float for the trajectories of a probabilistic run, as the stochastic projection
/// runs them (docs/methods.md "Why trajectories run in single precision"): the year's rates are written in that
/// precision (survival ratios rounded once a level), the engine steps in it, and each year's population and births
/// are kept in double precision, so every reader of a projection reads doubles; the levels and the reclassification
/// rate are computed in double precision from them.</para>
/// Not thread-safe: use one projector per thread.
/// </remarks>
/// <typeparam name="T">double or float.</typeparam>
public class ScenarioProjector<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
{
    /// <summary>Level index of the urban state on the residence dimension.</summary>
    public const int Urban = 0;

    /// <summary>Level index of the rural state.</summary>
    public const int Rural = 1;

    /// <summary>How close the shift applied must be (years) to the one the year-end residents it gives call for, for the step
    /// not to be projected again: far below the 0.01 year e0 is shown to, and above the accuracy the shift is searched to
    /// (1e-7 of e0, <see cref="MortalityLevels"/>), which a tighter one would never reach.</summary>
    private const double ShiftSettled = 1e-6;

    /// <summary>How far above a both-sexes e0 level the shift aims (years). A settled step's e0 lies within about
    /// <see cref="ShiftSettled"/> of the aim, on either side; aiming this far above keeps it on or above the level, so a
    /// lever set at a target's figure (人均预期寿命 ≥ 82) meets it rather than missing it by a rounding.</summary>
    private const double AboveLevel = 3 * ShiftSettled;

    private readonly int _a;
    private readonly int _block;
    private readonly int _cells;
    private readonly int _counties;
    private readonly CohortComponentProjection<T> _engine;
    private readonly double[] _base;
    private readonly T[] _engineBase; // the base in the engine's precision
    private readonly T[] _start; // a shared projection's last population in the engine's precision
    private readonly T[] _migrationProfile;
    private readonly T[] _graduateProfile;
    private readonly T[] _unitFertility;
    private readonly (int First, int End) _fertileAges; // the grid indices of the pattern's non-zero rates
    private readonly double _unitFertilityPeak;
    private readonly MortalityLevels _mortality;
    private readonly bool _countDeaths;
    private readonly double[] _startTotals; // each state's population at the start of the step
    private readonly int[] _stateOf; // [county][residence]: the state index
    private readonly Dictionary<string, int> _countyOf; // region name → county index
    private Scenario? _centralOf; // the scenario whose central levels are kept
    private CentralYear<T>?[] _central = []; // [step]: the scenario's levels, the same in every trajectory of a run
    private readonly ProjectionStepBuffer<T> _step; // the year's rates; its one transition set is the reclassification, scaled by the year's rate

    /// <summary>A projector that counts each year's deaths (<see cref="ScenarioYear.Deaths"/>) or not: a probabilistic
    /// run keeps the indicators and the pyramid of its trajectories, which take deaths from the rates applied, not the
    /// engine's count.</summary>
    /// <exception cref="ArgumentException">The regions' grids differ or are not single years from 0 with an open
    /// group, the patterns are on another grid, or a share is out of range or the migration shares do not sum to 1.</exception>
    /// <exception cref="NotSupportedException">T is neither double nor float.</exception>
    internal ScenarioProjector(ScenarioModel model, bool countDeaths)
    {
        Kernels.RequirePrecision<T>("A scenario projection");
        ArgumentNullException.ThrowIfNull(model);
        Check(model);
        Model = model;
        _mortality = model.Mortality;
        var ages = model.Ages;
        _a = ages.Count;
        _block = 2 * _a;
        _counties = model.Counties.Count;
        States = new StateSpace(
            new StateDimension("region", model.Counties.Select(c => c.Region)),
            new StateDimension("residence", ["urban", "rural"]));
        _cells = States.Count * _block;
        _countDeaths = countDeaths;
        _engine = new CohortComponentProjection<T>(States, ages, null,
            countDeaths ? ProjectionOutputs.BirthsByMothersAge | ProjectionOutputs.Deaths : ProjectionOutputs.BirthsByMothersAge, maxDegreeOfParallelism: 1);

        _base = new double[_cells];
        for (var c = 0; c < _counties; c++)
        {
            var county = model.Counties[c];
            for (var sex = 0; sex < 2; sex++)
            {
                var values = county.Population[(Sex)sex].Values;
                for (var x = 0; x < _a; x++)
                {
                    _base[Offset(c, Urban, sex) + x] = values[x] * county.UrbanShare;
                    _base[Offset(c, Rural, sex) + x] = values[x] * (1 - county.UrbanShare);
                }
            }
        }

        _engineBase = Kernels.Converted<double, T>(_base);
        _start = new T[_cells];
        var profile = MigrationDistribution.SplitBySex(MigrationDistribution.Distribute(1.0, ages, model.MigrationSchedule), model.MigrantMaleShare);
        _migrationProfile = Kernels.Converted<double, T>([.. profile.Male.Values, .. profile.Female.Values]);
        var graduates = new double[_block];
        var g = ages.IndexOf(model.GraduateAge);
        graduates[g] = model.MigrantMaleShare;
        graduates[_a + g] = 1 - model.MigrantMaleShare;
        _graduateProfile = Kernels.Converted<double, T>(graduates);

        var unitFertility = new double[_a];
        var pattern = model.FertilityPattern;
        var tfr = pattern.TotalFertilityRate();
        for (var i = 0; i < pattern.Count; i++)
        {
            unitFertility[ages.IndexOf(pattern.Ages.Start(i))] = pattern[i] / tfr;
        }

        _unitFertility = Kernels.Converted<double, T>(unitFertility);
        _fertileAges = (ages.IndexOf(pattern.Ages.FirstAge), ages.IndexOf(pattern.Ages.Start(pattern.Count - 1)) + 1);
        _unitFertilityPeak = TensorPrimitives.Max(unitFertility);

        var reclassification = TransitionSchedule.Constant(ages, 1.0);
        var urbanization = new StateTransitions("urbanization (rural→urban reclassification)", States, ages, TransitionKind.Rates,
            Enumerable.Range(0, _counties).Select(c => new Transition(States.IndexOf(c, Rural), States.IndexOf(c, Urban), reclassification, 1.0)));
        _startTotals = new double[States.Count];
        _stateOf = [.. Enumerable.Range(0, _counties).SelectMany(c => new[] { States.IndexOf(c, Urban), States.IndexOf(c, Rural) })];
        _countyOf = Enumerable.Range(0, _counties).ToDictionary(c => model.Counties[c].Region, StringComparer.Ordinal);
        _step = new ProjectionStepBuffer<T>(ages, States.Count, hasMigrants: true, MigrationTiming.HalfHalf, [urbanization]);
    }

    public ScenarioModel Model { get; }

    /// <summary>region × residence (urban, rural).</summary>
    public StateSpace States { get; }

    /// <summary>Projects the base to the end of <paramref name="lastYear"/> under <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The assumptions.</param>
    /// <param name="lastYear">The last year projected.</param>
    /// <param name="draw">For one trajectory of a probabilistic projection: the drawn deviations of each region's TFR and
    /// net migration (a rate times the region's residents at the start of the year, spread like the central migrants)
    /// and of the city's e0, around the scenario's levels; null for the scenario itself.</param>
    /// <exception cref="ArgumentOutOfRangeException">The last year is not after the base year.</exception>
    /// <exception cref="ArgumentException">A scenario level cannot be applied (e0 no multiple of the pattern reaches), or
    /// the scenario moves migrants to a region the model does not have (<see cref="Scenario.RedistributedMigrants"/>).</exception>
    public ScenarioProjection Project(Scenario scenario, int lastYear, ScenarioDraw? draw = null) => Project(scenario, lastYear, draw, null);

    /// <summary>As <see cref="Project(Scenario, int, ScenarioDraw?)"/>, writing into the arrays of <paramref name="recycled"/>
    /// when it covers the same years: a probabilistic run projects thousands of trajectories, each read and dropped, and
    /// would otherwise allocate (and clear) large-object arrays for each. The recycled projection must not be read again.</summary>
    /// <param name="scenario">The assumptions.</param>
    /// <param name="lastYear">The last year projected.</param>
    /// <param name="draw">One trajectory's draw, or null.</param>
    /// <param name="recycled">A projection whose arrays are overwritten, or null.</param>
    /// <param name="shared">The years every trajectory of a run has in common, projected once: the same scenario under a
    /// draw of the same processes, up to a year no later than the processes' base year, where no draw deviates
    /// (<see cref="ScenarioDraw"/>). Its years are copied and the engine begins from its last population, which gives
    /// the same figures as projecting those years again.</param>
    internal ScenarioProjection Project(Scenario scenario, int lastYear, ScenarioDraw? draw, ScenarioProjection? recycled, ScenarioProjection? shared = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var steps = lastYear - Model.BaseYear;
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, $"must be after the base year {Model.BaseYear}.");
        }

        if (shared is not null && (shared.Model != Model || shared.Scenario != scenario || shared.LastYear >= lastYear || draw is null || shared.LastYear > draw.Model.BaseYear
            || double.IsNaN(shared.Years[0].Deaths) == _countDeaths))
        {
            throw new ArgumentException($"The shared years (to {shared.LastYear}) must be a projection of the same model and scenario that ends before {lastYear} and no later than the draw's base year, with deaths counted as this projector counts them.", nameof(shared));
        }

        if (draw is not null && scenario.Gives(ScenarioAssumption.LifeExpectancy))
        {
            throw new ArgumentException($"A trajectory draws each sex's e0 around central paths by sex: project '{scenario.Name}' with its both-sexes e0 resolved (Scenario.BySex), as a probabilistic run does.", nameof(scenario));
        }

        var reuse = recycled is not null && recycled.Model == Model && recycled.Years.Length == steps;
        var population = reuse ? recycled!.PopulationArray : new double[(steps + 1) * _cells];
        var birthsByAge = reuse ? recycled!.BirthsByAgeArray : new double[steps * States.Count * _a];
        var birthsBySex = reuse ? recycled!.BirthsBySexArray : new double[steps * States.Count * 2];
        var mortality = new (DeathRates Male, DeathRates Female)[steps];
        var years = new ScenarioYear[steps];
        var first = 0; // the first step projected here
        var clippedBefore = 0.0; // persons clipped in the shared years
        if (shared is null)
        {
            _base.CopyTo(population, 0);
            _engine.Begin(Model.BaseYear, _engineBase);
        }
        else
        {
            first = shared.Years.Length;
            // A recycled projection that began from the same shared years still holds them: no step writes them.
            if (!reuse || recycled!.Shared != shared)
            {
                shared.PopulationArray.AsSpan(0, (first + 1) * _cells).CopyTo(population);
                shared.BirthsByAgeArray.AsSpan(0, first * States.Count * _a).CopyTo(birthsByAge);
                shared.BirthsBySexArray.AsSpan(0, first * States.Count * 2).CopyTo(birthsBySex);
            }

            for (var k = 0; k < first; k++)
            {
                var year = Model.BaseYear + k + 1;
                mortality[k] = (shared.Mortality(year, Sex.Male), shared.Mortality(year, Sex.Female));
                years[k] = shared.Years[k];
            }

            clippedBefore = shared.TotalClipped;
            TensorPrimitives.ConvertTruncating(shared.PopulationAt(shared.LastYear), _start.AsSpan()); // exact when the shared years were projected in T, as a run projects them
            _engine.Begin(shared.LastYear, _start);
        }

        var clipped = clippedBefore;
        var shift = 0.0; // the sexes' e0 above those of the year's central levels: found each year of a both-sexes e0
        var slope = 1.0; // of e0 of both sexes in the shift, as last found: the next search's first step
        for (var k = first; k < steps; k++)
        {
            var year = Model.BaseYear + k + 1;
            var (levels, male, female, trusted) = Step(scenario, year, population.AsSpan(k * _cells, _cells), draw, shift);
            Advance(trusted);
            while (scenario.Gives(ScenarioAssumption.LifeExpectancy, year))
            {
                // The year's residents at its end, which e0() reads, depend a little on the year's deaths: the step is
                // projected again with the shift found on them until the shift settles.
                var end = population.AsSpan((k + 1) * _cells, _cells);
                TensorPrimitives.ConvertTruncating(_engine.CurrentPopulation, end);
                (var found, slope, var settled) = BothSexesShift(scenario, year, end, shift, slope);
                if (settled)
                {
                    break;
                }

                shift = found;
                TensorPrimitives.ConvertTruncating(population.AsSpan(k * _cells, _cells), _start.AsSpan());
                _engine.Begin(year - 1, _start);
                clippedBefore = clipped;
                (levels, male, female, trusted) = Step(scenario, year, population.AsSpan(k * _cells, _cells), draw, shift);
                Advance(trusted);
            }

            // Kept in double precision (exact from float): a projection's readers read doubles.
            TensorPrimitives.ConvertTruncating(_engine.CurrentPopulation, population.AsSpan((k + 1) * _cells, _cells));
            TensorPrimitives.ConvertTruncating(_engine.LastStepBirthsByMothersAge, birthsByAge.AsSpan(k * States.Count * _a, States.Count * _a));
            var bySex = birthsBySex.AsSpan(k * States.Count * 2, States.Count * 2);
            TensorPrimitives.ConvertTruncating(_engine.LastStepBirths, bySex);
            var births = 0.0;
            for (var s = 0; s < States.Count; s++)
            {
                births += bySex[s * 2] + bySex[(s * 2) + 1];
            }

            var deaths = _countDeaths ? double.CreateTruncating(Kernels.Sum(_engine.LastStepDeaths)) : double.NaN;

            var clippedAfter = clippedBefore + _engine.ClippedPersonsSinceBegin;
            mortality[k] = (male, female);
            years[k] = levels with { Births = births, Deaths = deaths, Clipped = clippedAfter - clipped };
            clipped = clippedAfter;
        }

        return new ScenarioProjection(scenario, Model, States, population, birthsByAge, birthsBySex, mortality, years, clipped, _stateOf, shared);

        void Advance(bool trusted)
        {
            if (trusted)
            {
                _engine.AdvanceTrusted(_step, _fertileAges);
            }
            else
            {
                _engine.Advance(_step);
            }
        }
    }

    /// <summary>The shift of the sexes' e0 that gives the scenario's both-sexes e0 of <paramref name="year"/> over the
    /// city's <paramref name="residents"/> ([state][sex][age]; <see cref="MortalityLevels.BothSexesShift"/>), searched
    /// from <paramref name="guess"/> with <paramref name="slope"/>, or the guess, settled, when it is within
    /// <see cref="ShiftSettled"/> of it.</summary>
    private (double Shift, double Slope, bool Settled) BothSexesShift(Scenario scenario, int year, ReadOnlySpan<double> residents, double guess, double slope)
    {
        var male = new double[_a];
        var female = new double[_a];
        for (var s = 0; s < States.Count; s++)
        {
            TensorPrimitives.Add(male, residents.Slice(s * _block, _a), male);
            TensorPrimitives.Add(female, residents.Slice((s * _block) + _a, _a), female);
        }

        var central = Central(scenario, year);
        return _mortality.BothSexesShift(scenario.At(ScenarioAssumption.LifeExpectancy, year) + AboveLevel, central.MaleE0, central.FemaleE0, male, female, guess, slope, ShiftSettled);
    }

    /// <summary>Writes the year's rates into the step buffer (the reclassification scaled by the year's rate) and returns the
    /// levels applied, and whether the rates need no check by the engine: survival ratios of a life table (in [0, 1] by
    /// their type), the checked fertility pattern scaled by a TFR that keeps its peak in range, and migrants whose every
    /// row sums to a finite number (each is a finite multiple of a checked profile); otherwise the engine checks them all.</summary>
    private (ScenarioYear Levels, DeathRates Male, DeathRates Female, bool Trusted) Step(Scenario scenario, int year, ReadOnlySpan<double> start, ScenarioDraw? draw, double shift)
    {
        var (tfr, e0m, e0f, srb, graduates, retention, netMigration, extraGraduates, urbanPath, stateMigrants) = Central(scenario, year);
        (e0m, e0f) = (e0m + shift, e0f + shift);
        var (e0fDrawn, e0mDrawn) = draw?.LifeExpectancies(year, e0f, e0m) ?? (e0f, e0m);
        var (maleSurvival, maleMx) = _mortality.At<T>(Sex.Male, e0mDrawn);
        var (femaleSurvival, femaleMx) = _mortality.At<T>(Sex.Female, e0fDrawn);
        var survival = _step.Survival;
        var fertility = _step.Fertility;
        var migrants = _step.NetMigrants;
        for (var s = 0; s < States.Count; s++)
        {
            _startTotals[s] = Kernels.Sum(start.Slice(s * _block, _block));
        }

        var urban = 0.0;
        var rural = 0.0;
        var urbanMigrants = 0.0;
        var ruralMigrants = 0.0;
        var trusted = true;
        for (var c = 0; c < _counties; c++)
        {
            var county = Model.Counties[c];
            var countyTfr = draw?.TotalFertility(year, c, tfr) ?? tfr;
            trusted &= countyTfr >= 0 && countyTfr * _unitFertilityPeak <= FertilityRates.MaximumRate;
            var drawnMigrants = draw is null ? 0.0
                : draw.NetMigrationRate(year, c) * (_startTotals[_stateOf[2 * c]] + _startTotals[_stateOf[(2 * c) + 1]]);
            for (var r = 0; r < 2; r++)
            {
                var s = _stateOf[(2 * c) + r];
                maleSurvival.CopyTo(survival[(s * _block)..]);
                femaleSurvival.CopyTo(survival[((s * _block) + _a)..]);
                // Only the pattern's ages: the buffer's other rates stay 0 from its making.
                var (first, end) = _fertileAges;
                TensorPrimitives.Multiply(_unitFertility.AsSpan(first, end - first), T.CreateTruncating(countyTfr), fertility.Slice((s * _a) + first, end - first));
                _step.SexRatioAtBirth[s] = T.CreateTruncating(srb);
                var residence = r == Urban ? county.MigrantUrbanShare : 1 - county.MigrantUrbanShare;
                var row = migrants.Slice(s * _block, _block);
                TensorPrimitives.MultiplyAdd(_migrationProfile, T.CreateTruncating(residence * drawnMigrants), stateMigrants.AsSpan(s * _block, _block), row);
                var total = double.CreateTruncating(Kernels.Sum<T>(row));
                trusted &= double.IsFinite(total);
                if (r == Urban)
                {
                    urban += _startTotals[s];
                    urbanMigrants += total;
                }
                else
                {
                    rural += _startTotals[s];
                    ruralMigrants += total;
                }
            }
        }

        var ruralAfter = rural + ruralMigrants;
        var rate = ruralAfter > 0
            ? Math.Clamp(((urbanPath * (urban + rural + urbanMigrants + ruralMigrants)) - (urban + urbanMigrants)) / ruralAfter, 0, 1)
            : 0;
        _step.RateScales[0] = T.CreateTruncating(rate);
        var levels = new ScenarioYear(year, tfr, e0m, e0f, srb * 100, netMigration + extraGraduates, graduates, graduates * retention / 100, urbanPath * 100, rate);
        return (levels, maleMx, femaleMx, trusted);
    }

    /// <summary>The scenario's levels of <paramref name="year"/> and its migrants of each state by sex and age (the total
    /// along the Rogers–Castro profile plus the extra graduates at the graduate age, times the region's share and the
    /// residence's): the same in every trajectory of a run, so kept for the scenario last projected.</summary>
    private CentralYear<T> Central(Scenario scenario, int year)
    {
        var k = year - Model.BaseYear - 1;
        if (!ReferenceEquals(scenario, _centralOf))
        {
            (_central, _centralOf) = (new CentralYear<T>?[k + 1], scenario);
        }
        else if (k >= _central.Length)
        {
            Array.Resize(ref _central, k + 1);
        }

        if (_central[k] is { } kept)
        {
            return kept;
        }

        var netMigration = scenario.At(ScenarioAssumption.NetMigration, year);
        var graduates = scenario.At(ScenarioAssumption.Graduates, year);
        var retention = scenario.At(ScenarioAssumption.GraduateRetention, year);
        var extraGraduates = graduates * (retention - Model.ReferenceRetention) / 100;
        var migrants = new T[_block];
        TensorPrimitives.Multiply(_migrationProfile, T.CreateTruncating(netMigration), migrants);
        TensorPrimitives.MultiplyAdd(_graduateProfile, T.CreateTruncating(extraGraduates), migrants, migrants);
        var stateMigrants = new T[States.Count * _block];
        for (var c = 0; c < _counties; c++)
        {
            var county = Model.Counties[c];
            for (var r = 0; r < 2; r++)
            {
                var residence = r == Urban ? county.MigrantUrbanShare : 1 - county.MigrantUrbanShare;
                TensorPrimitives.Multiply(migrants, T.CreateTruncating(county.NetMigrationShare * residence), stateMigrants.AsSpan(_stateOf[(2 * c) + r] * _block, _block));
            }
        }

        // Migrants moved between regions in a year calibrated to the regions' year ends, along the same age profile.
        foreach (var (region, moved) in scenario.RedistributedMigrants(year))
        {
            var c = _countyOf.TryGetValue(region, out var index) ? index
                : throw new ArgumentException($"scenario '{scenario.Name}' moves {year}'s migrants to '{region}', not a region of the model.", nameof(scenario));
            for (var r = 0; r < 2; r++)
            {
                var residence = r == Urban ? Model.Counties[c].MigrantUrbanShare : 1 - Model.Counties[c].MigrantUrbanShare;
                var row = stateMigrants.AsSpan(_stateOf[(2 * c) + r] * _block, _block);
                TensorPrimitives.MultiplyAdd(_migrationProfile, T.CreateTruncating(moved * residence), row, row);
            }
        }

        // A both-sexes e0 L sets the sexes at L ∓ gap/2 before the year's shift (Project), the gap that of the sexes' paths.
        var (maleE0, femaleE0) = (scenario.At(ScenarioAssumption.MaleLifeExpectancy, year), scenario.At(ScenarioAssumption.FemaleLifeExpectancy, year));
        if (scenario.Gives(ScenarioAssumption.LifeExpectancy, year))
        {
            var level = scenario.At(ScenarioAssumption.LifeExpectancy, year);
            (maleE0, femaleE0) = (level - ((femaleE0 - maleE0) / 2), level + ((femaleE0 - maleE0) / 2));
        }

        var central = new CentralYear<T>(scenario.At(ScenarioAssumption.TotalFertility, year), maleE0, femaleE0, scenario.At(ScenarioAssumption.SexRatioAtBirth, year) / 100,
            graduates, retention, netMigration, extraGraduates, scenario.At(ScenarioAssumption.Urbanization, year) / 100, stateMigrants);
        _central[k] = central;
        return central;
    }

    private int Offset(int county, int residence, int sex) => (States.IndexOf(county, residence) * _block) + (sex * _a);

    private static void Check(ScenarioModel model)
    {
        if (model.Counties is null || model.Counties.Count == 0)
        {
            throw new ArgumentException("A scenario model needs at least one region.", nameof(model));
        }

        var ages = model.Counties[0].Population.Ages;
        if (!ages.IsSingleYear || ages.FirstAge != 0 || !ages.IsOpenEnded)
        {
            throw new ArgumentException($"The base population must be by single year of age from 0 with an open last group; got {ages}.", nameof(model));
        }

        foreach (var c in model.Counties)
        {
            if (!c.Population.Ages.Equals(ages))
            {
                throw new ArgumentException($"{c.Region}: its base is on {c.Population.Ages}, the first region's on {ages}.", nameof(model));
            }

            Share(c.UrbanShare, $"{c.Region}: urban share");
            Share(c.NetMigrationShare, $"{c.Region}: net migration share");
            Share(c.MigrantUrbanShare, $"{c.Region}: migrant urban share");
        }

        var sum = model.Counties.Sum(c => c.NetMigrationShare);
        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw new ArgumentException($"The regions' net migration shares sum to {sum}, not 1.", nameof(model));
        }

        if (!model.MaleMortalityPattern.Ages.Equals(ages) || !model.FemaleMortalityPattern.Ages.Equals(ages))
        {
            throw new ArgumentException($"The mortality patterns must be on the base grid {ages}.", nameof(model));
        }

        if (!model.FertilityPattern.Ages.IsSingleYear || model.FertilityPattern.Ages.FirstAge < 1 || !(model.FertilityPattern.TotalFertilityRate() > 0))
        {
            throw new ArgumentException($"The fertility pattern must be by single year of age above 0 with a positive TFR; got {model.FertilityPattern.Ages}.", nameof(model));
        }

        Share(model.MigrantMaleShare, "migrant male share");
        if (ages.IndexOf(model.GraduateAge) < 0 || ages.IsOpen(ages.IndexOf(model.GraduateAge)))
        {
            throw new ArgumentException($"The graduate age {model.GraduateAge} is not a closed age of the grid.", nameof(model));
        }
    }

    private static void Share(double value, string what)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{what} must be between 0 and 1.");
        }
    }
}

/// <summary>The scenario projector in double precision: the projection of a scenario itself (<see cref="ScenarioProjector{T}"/>).</summary>
public sealed class ScenarioProjector : ScenarioProjector<double>
{
    /// <exception cref="ArgumentException">The regions' grids differ or are not single years from 0 with an open
    /// group, the patterns are on another grid, or a share is out of range or the migration shares do not sum to 1.</exception>
    public ScenarioProjector(ScenarioModel model)
        : base(model, countDeaths: true)
    {
    }

    /// <inheritdoc cref="ScenarioProjector{T}(ScenarioModel, bool)"/>
    internal ScenarioProjector(ScenarioModel model, bool countDeaths)
        : base(model, countDeaths)
    {
    }
}
