using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Populus.Planning.GoalSeeking;
using Populus.Planning.Indicators;
using Populus.Planning.Probability;
using Populus.Planning.Scenarios;
using Populus.Planning.Targets;
using Populus.Storage;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;
using Populus.Web.Hosting;

namespace Populus.Web.Plan;

/// <summary>
/// The scenario projections behind the cockpit: <see cref="PlanMonitor"/> (Storage) loaded on the store (again when it publishes a new year end or a figure is withdrawn), its
/// projector (not thread-safe, so one projection at a time), and the projections already made, by scenario and levers.
/// </summary>
internal sealed class ScenarioService(IPopulusStore store, PopulusSettings settings)
{
    /// <summary>The horizon of the plan.</summary>
    public const int LastYear = 2035;

    public const string Baseline = "baseline";

    /// <summary>The monitor as loaded, and everything made with it; replaced whole when the store publishes another year
    /// end (<see cref="ObservedChanged"/>), so that nothing made with the previous monitor is served after.</summary>
    private Loaded _loaded = new(store);

    private Loaded Current => Volatile.Read(ref _loaded);

    /// <summary>The monitor, or null with the reason it is missing.</summary>
    public PlanMonitor? Monitor => Current.Monitor.Value.Monitor;

    public string? Missing => Current.Monitor.Value.Missing;

    /// <summary>The store's stamp as of the monitor's loading, or null before it is loaded.</summary>
    public DataStamp? LoadedStamp => Current.Monitor is { IsValueCreated: true } m ? m.Value.Stamp : null;

    /// <summary>After an import or a withdrawal: the monitor, when it is loaded, reads the store's figures again. When the
    /// change moved the year ends the scenarios are calibrated to (PlanMonitor.PublishedYearEnds and
    /// PublishedRegionYearEnds: a new year's bulletin) or the migration spread, or the monitor could not be loaded (a
    /// figure no scenario can be calibrated to, whose batch a withdrawal may have taken out), a new monitor is loaded on
    /// the next request, and the projections and runs are made again from it.</summary>
    public void ObservedChanged()
    {
        var loaded = Current;
        if (loaded.Monitor.IsValueCreated && (loaded.Monitor.Value.Monitor is not { } monitor || !monitor.ReloadObserved(store)))
        {
            Interlocked.CompareExchange(ref _loaded, new Loaded(store), loaded);
        }
    }

    /// <summary>The loaded monitor of <paramref name="loaded"/>.</summary>
    /// <exception cref="InvalidOperationException">The scenario data could not be read (the reason).</exception>
    private static PlanMonitor Require(Loaded loaded) => loaded.Monitor.Value.Monitor ?? throw new InvalidOperationException(loaded.Monitor.Value.Missing);

    /// <summary>A scenario (by name, default baseline) with the levers applied, projected to <see cref="LastYear"/>, with its indicators.</summary>
    /// <exception cref="InvalidInputException">No such scenario.</exception>
    public Projected Project(string? scenarioName, ScenarioLevers levers)
    {
        var loaded = Current;
        var monitor = Require(loaded);
        var scenario = monitor.Scenario(string.IsNullOrWhiteSpace(scenarioName) ? Baseline : scenarioName).With(levers);
        if (loaded.Projections.Count > 500)
        {
            loaded.Projections.Clear(); // slider positions are many; keep the memory bounded
        }

        return loaded.Projections.GetOrAdd(scenario.Name, _ =>
        {
            var clock = Stopwatch.StartNew();
            ScenarioProjection projection;
            lock (loaded.Projector)
            {
                projection = monitor.Projector.Project(scenario, LastYear);
            }

            var calculator = new IndicatorCalculator(monitor.Plan.Catalogue, new ScenarioIndicatorData(projection, monitor.Plan.Catalogue));
            return new Projected(scenario.Name, projection, calculator, clock.Elapsed.TotalMilliseconds);
        });
    }

    /// <summary>The projected indicators of one region for the target evaluation (the plan's indicators with a formula).</summary>
    public ProjectedIndicators IndicatorsOf(Projected projected, string region, IEnumerable<string> indicatorIds) =>
        ProjectedIndicators.Compute(projected.Name, projected.Calculator, indicatorIds.Where(id => Monitor!.Plan.Catalogue[id].Formula is not null),
            region, projected.Projection.BaseYear + 1, LastYear, projected.Projection.Scenario.LabelZh);

    /// <summary>Trajectories of the cockpit's probabilistic runs (<see cref="PopulusSettings.DefaultTrajectories"/> unless
    /// configured); a run is made on first request (or by <see cref="WarmUp"/>), then kept.</summary>
    public int Trajectories => settings.Trajectories;

    /// <summary>A probabilistic run of a scenario (default baseline) for one region's targets, with its pyramid, made once
    /// per scenario, region and seed and kept (runs of the same key wait for the first).</summary>
    /// <exception cref="InvalidInputException">No such scenario, or the WPP extract is missing.</exception>
    /// <param name="scenarioName">The scenario; null or blank: the baseline.</param>
    /// <param name="region">The region whose targets the run keeps.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="threads">Threads for the run when it is made here; 0: every core. The run is the same on any number.</param>
    public ScenarioRun Run(string? scenarioName, string region, ulong seed, int threads = 0)
    {
        var loaded = Current;
        var monitor = Require(loaded);
        var (scenario, key) = RunKey(monitor, scenarioName, region, seed, null);
        return Kept(loaded, key, _ => monitor.RunTrajectories(scenario, [region], LastYear, Trajectories, seed, threads), CancellationToken.None);
    }

    /// <summary>The run that judges the scenario explorer's targets with its sliders' levers set over a scenario (default
    /// baseline): with no lever moved the scenario's own run (<see cref="Run"/>), otherwise one keeping only what judging
    /// <paramref name="evaluations"/> reads (<see cref="PlanMonitor.RunToJudge"/>: the same probabilities, no pyramid),
    /// made once per scenario, levers, region, seed and targets and kept.</summary>
    /// <param name="cancel">The request given up (the page sends the next slider move): a run made for it stops and is
    /// not kept.</param>
    /// <exception cref="InvalidInputException">No such scenario, or the WPP extract is missing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled before the run was made.</exception>
    public ScenarioRun RunToJudge(string? scenarioName, ScenarioLevers levers, string region, ulong seed, TargetEvaluator evaluator, IReadOnlyList<TargetEvaluation> evaluations,
        CancellationToken cancel = default)
    {
        if (levers == ScenarioLevers.None)
        {
            return Run(scenarioName, region, seed);
        }

        var loaded = Current;
        var monitor = Require(loaded);
        var (scenario, key) = RunKey(monitor, scenarioName, region, seed, levers);
        var targets = string.Join(",", evaluations.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Target.IndicatorId}@{e.Target.Year}/{e.AsOfYear}")));
        return Kept(loaded, $"{key}|{targets}", token => monitor.RunToJudge(scenario, evaluator, evaluations, Trajectories, seed, cancel: token), cancel);
    }

    /// <summary>The run kept under <paramref name="key"/>, made by <paramref name="make"/> when there is none (requests
    /// of the same key wait for the one making it).</summary>
    /// <remarks>A run given up by the request making it is not kept: a request still waiting for it makes it again.</remarks>
    private static ScenarioRun Kept(Loaded loaded, string key, Func<CancellationToken, ScenarioRun> make, CancellationToken cancel)
    {
        while (true)
        {
            if (loaded.Runs.Count > 50)
            {
                loaded.Runs.Clear(); // seeds and slider positions are many; keep the memory bounded
            }

            var run = loaded.Runs.GetOrAdd(key, _ => new Lazy<ScenarioRun>(() => make(cancel)));
            try
            {
                return run.Value;
            }
            catch (OperationCanceledException)
            {
                loaded.Runs.TryRemove(new KeyValuePair<string, Lazy<ScenarioRun>>(key, run));
                cancel.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Goal seeking (<see cref="PlanMonitor.SeekGoal"/>) on a scenario (default baseline) with the other levers
    /// held where the scenario explorer's sliders are, kept by its question: a seek under uncertainty makes seven
    /// probabilistic runs (2.1–2.5 s in a warm server), a deterministic one about twenty projections (17–98 ms).</summary>
    /// <param name="held">Levers set over the scenario's assumptions; the one sought is left to the seek.</param>
    /// <returns>The answer, and the scenario with the levers held.</returns>
    /// <exception cref="InvalidInputException">No such scenario, or the WPP extract is missing.</exception>
    public (GoalSeekResult Result, Scenario Scenario) Goal(string? scenarioName, ScenarioLevers held, PlanTarget target, string region, ScenarioLever lever, double? probability, ulong seed)
    {
        var loaded = Current;
        var monitor = Require(loaded);
        var scenario = Named(monitor, scenarioName).With(ScenarioGoal.Holding(held, lever));
        var key = string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}|{target}|{region}|{lever}|{probability:R}|{Trajectories}|{seed}");
        if (loaded.Goals.Count > 200)
        {
            loaded.Goals.Clear();
        }

        return loaded.Goals.GetOrAdd(key, _ => new Lazy<(GoalSeekResult, Scenario)>(() =>
        {
            if (probability is not null)
            {
                return (monitor.SeekGoal(scenario, target, region, lever, probability, Trajectories, seed), scenario);
            }

            lock (loaded.Projector)
            {
                return (monitor.SeekGoal(scenario, target, region, lever), scenario);
            }
        })).Value;
    }

    /// <summary>
    /// Makes what the cockpit's pages ask for first — the baseline projection and the city's probabilistic run with the
    /// default seed, on every core — and then the runs of the other regions of <see cref="WarmUpRegions"/> on one core,
    /// so that switching regions finds the fan charts and target probabilities made while the other core serves requests
    /// (`populus serve` calls it in the background once the server listens; the plan data and the WPP calibration come
    /// with the first run). The other regions share one run: the seed draws the same trajectories whichever region's
    /// figures are kept, so each region's figures are those its own run gives, and the trajectories are projected once
    /// instead of once a region. Nothing when the scenario data are missing (the pages then say why).
    /// </summary>
    /// <param name="cancel">Stops before the other regions' run (the host is stopping).</param>
    /// <returns>The regions whose runs are made (none when the scenario data are missing).</returns>
    public IReadOnlyList<string> WarmUp(CancellationToken cancel = default)
    {
        var loaded = Current;
        if (loaded.Monitor.Value.Monitor is not { } monitor)
        {
            return [];
        }

        Project(Baseline, ScenarioLevers.None);
        var regions = WarmUpRegions();
        Run(Baseline, regions[0], PlanMonitor.DefaultSeed); // the city, on every core
        if (regions.Count == 1 || cancel.IsCancellationRequested)
        {
            return [regions[0]];
        }

        var others = regions.Skip(1).ToList();
        var shared = new Lazy<ScenarioRun>(() => monitor.RunTrajectories(monitor.Scenario(Baseline), others, LastYear, Trajectories, PlanMonitor.DefaultSeed, threads: 1));
        foreach (var region in others)
        {
            loaded.Runs.TryAdd(RunKey(monitor, Baseline, region, PlanMonitor.DefaultSeed, null).Key, shared); // a region already asked for keeps its own run
        }

        _ = shared.Value;
        return regions;
    }

    /// <summary>The regions whose default runs <see cref="WarmUp"/> makes, by the names the pages ask with: the city,
    /// then each region of the scenario model that has a target computed from population.</summary>
    internal IReadOnlyList<string> WarmUpRegions()
    {
        var monitor = Monitor ?? throw new InvalidOperationException(Missing);
        var names = monitor.Plan.Regions;
        return [names.NameOf(monitor.Model.City), .. monitor.Model.Counties.Select(c => names.NameOf(c.Region)).Where(r => monitor.TargetSeries([r]).Count > 0)];
    }

    /// <summary>Whether the run of a scenario, region and seed is already made (or being made).</summary>
    internal bool HasRun(string? scenarioName, string region, ulong seed) =>
        Current is var loaded && loaded.Monitor.Value.Monitor is { } monitor && loaded.Runs.ContainsKey(RunKey(monitor, scenarioName, region, seed, null).Key);

    /// <summary>The scenario (default baseline, with the levers) and the key its run of a region and seed is kept under.</summary>
    private static (Scenario Scenario, string Key) RunKey(PlanMonitor monitor, string? scenarioName, string region, ulong seed, ScenarioLevers? levers)
    {
        var scenario = levers is { } set ? Named(monitor, scenarioName).With(set) : Named(monitor, scenarioName);
        return (scenario, $"{scenario.Name}|{region}|{seed}");
    }

    /// <summary>A scenario by name; null or blank: the baseline.</summary>
    /// <exception cref="InvalidInputException">No such scenario.</exception>
    private static Scenario Named(PlanMonitor monitor, string? scenarioName) =>
        monitor.Scenario(string.IsNullOrWhiteSpace(scenarioName) ? Baseline : scenarioName);

    /// <summary>A monitor loaded on the store, its projector's lock (the projector is not thread-safe, so one projection at
    /// a time), and the projections, runs and goals made with it.</summary>
    private sealed class Loaded(IPopulusStore store)
    {
        public Lazy<(PlanMonitor? Monitor, string? Missing, DataStamp Stamp)> Monitor { get; } = new(() =>
        {
            // The stamp before the figures: an import landing while they are read moves it, and is followed (CockpitViews).
            var stamp = store.Stamp();
            try
            {
                return (PlanMonitor.Load(store, calibrateUncertainty: true), null, stamp); // the warm-up runs trajectories first thing
            }
            catch (InvalidInputException ex)
            {
                return (null, "the scenario data cannot be read: " + string.Join("; ", ex.Errors.Take(3)), stamp);
            }
        });

        public Lock Projector { get; } = new();

        public ConcurrentDictionary<string, Projected> Projections { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, Lazy<ScenarioRun>> Runs { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, Lazy<(GoalSeekResult, Scenario)>> Goals { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A projection and the calculator over its figures.</summary>
    internal sealed record Projected(string Name, ScenarioProjection Projection, IndicatorCalculator Calculator, double ElapsedMs);
}
