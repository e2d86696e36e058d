using System.Diagnostics;
using Populus.Benchmarks.Stochastic;
using Populus.Demography;
using Populus.Demography.Stochastic;

namespace Populus.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Populus.Benchmarks -- cpu N [repeats] [threads]`: runs the city case with N trajectories
/// (on every core, or on <c>threads</c>) and prints wall and process CPU time of each repeat. On a shared machine CPU time is the steadier figure (waiting
/// for a core counts in wall time, not in CPU time); run it under `perf stat -e task-clock` for the kernel's view.
/// </summary>
internal static class CpuTiming
{
    public static void Run(int trajectories, int repeats, int threads)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var city = CityModel.Build();
        Report("prepare", wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu0);
        city.Run(Math.Min(trajectories, 200), 1); // warm-up (JIT)
        for (var i = 0; i < repeats; i++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            wall.Restart();
            // Released at the end of the repeat, as a server releases a run's values: the next run reuses their memory.
            using var r = city.Run(trajectories, 20_240_101, threads);
            var (elapsed, cpu) = (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - before);
            // The checksum is read after the clocks stop: it walks every trajectory value on one thread.
            Report($"run {trajectories} (median 2035 total {r.Quantile(2035, "total", TrajectoryIndicator.Population, 3):N0}, checksum {Checksum(r):X16})",
                elapsed, cpu);
            if (Environment.GetEnvironmentVariable("DUMP") is { } dump)
            {
                using var w = new StreamWriter(dump);
                foreach (var year in r.Years) foreach (var unit in r.Units) { for (var sex = 0; sex < 2; sex++) for (var g = 0; g < r.AgeGroups.Count; g++) { w.Write($"{r.Mean(year, unit, (Sex)sex, g):R}"); for (var q = 0; q < 7; q++) w.Write($" {r.Quantile(year, unit, (Sex)sex, g, q):R}"); w.WriteLine(); }
                foreach (var ind in Enum.GetValues<TrajectoryIndicator>()) { w.Write($"{r.Mean(year, unit, ind):R}"); for (var q = 0; q < 7; q++) w.Write($" {r.Quantile(year, unit, ind, q):R}"); w.WriteLine(); } }
            }
        }
    }

    /// <summary>FNV-1a over the bits of every trajectory value, mean and quantile: a faster version of the code must
    /// print the same checksum (bit-identical results).</summary>
    private static ulong Checksum(TrajectoryResults r)
    {
        var hash = 14695981039346656037UL;
        void Add(double v) => hash = unchecked((hash ^ (ulong)BitConverter.DoubleToInt64Bits(v)) * 1099511628211UL);
        foreach (var year in r.Years)
        {
            foreach (var unit in r.Units)
            {
                for (var sex = 0; sex < 2; sex++)
                {
                    for (var g = 0; g < r.AgeGroups.Count; g++)
                    {
                        Array.ForEach(r.Values(year, unit, (Sex)sex, g), Add);
                        Add(r.Mean(year, unit, (Sex)sex, g));
                        for (var q = 0; q < TrajectoryResults.Probabilities.Length; q++)
                        {
                            Add(r.Quantile(year, unit, (Sex)sex, g, q));
                        }
                    }
                }

                foreach (var indicator in Enum.GetValues<TrajectoryIndicator>())
                {
                    Array.ForEach(r.Values(year, unit, indicator), Add);
                    Add(r.Mean(year, unit, indicator));
                    for (var q = 0; q < TrajectoryResults.Probabilities.Length; q++)
                    {
                        Add(r.Quantile(year, unit, indicator, q));
                    }
                }
            }
        }

        return hash;
    }

    /// <summary>`cpu-projection [repeats]`: the engine cases of <see cref="Projection.ProjectionBenchmarks"/>, population only, and
    /// the survival rows one stochastic trajectory reads (<see cref="StochasticBenchmarks.SurvivalRowsOfOneTrajectory"/>).</summary>
    public static void RunProjection(int repeats)
    {
        var b = new Projection.ProjectionBenchmarks { Outputs = Populus.Demography.Projection.ProjectionOutputs.Population };
        b.Setup();
        var stochastic = new StochasticBenchmarks();
        stochastic.Setup();
        foreach (var (name, run) in new (string, Func<double>)[]
        {
            ("1,000 regions x 100 years, no OD, every year kept", b.Regions1000x100YearsNoOd),
            ("1,000 regions x 100 years, no OD, last year kept", b.Regions1000x100YearsNoOdLastYearOnly),
            ("1,000 regions x 100 years, sparse OD", b.Regions1000x100YearsSparseOd),
            ("one region x 100 years", b.SingleRegion100Years),
            ("one trajectory: 12 regions x 11 years, full OD, step buffer", b.Trajectory12Regions11YearsFullOd),
            ("one trajectory's survival rows: 264 family interpolations", stochastic.SurvivalRowsOfOneTrajectory),
        })
        {
            run(); // warm-up
            var best = TimeSpan.MaxValue;
            var bestWall = TimeSpan.MaxValue;
            var inner = name.StartsWith("1,000", StringComparison.Ordinal) ? 1 : 200;
            for (var i = 0; i < repeats; i++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (var j = 0; j < inner; j++)
                {
                    run();
                }

                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before) / inner;
                best = cpu < best ? cpu : best;
                bestWall = wall.Elapsed / inner < bestWall ? wall.Elapsed / inner : bestWall;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            run();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"{name}: minimum of {repeats}: CPU {best.TotalMilliseconds:F3} ms, wall {bestWall.TotalMilliseconds:F3} ms, allocated on this thread {allocated:N0} B");
        }
    }

    /// <summary>`cpu-scenario N [repeats] [threads]`: the cockpit's probabilistic run — N trajectories of the Wenzhou scenario
    /// model (12 counties × urban/rural, 2020 → 2035) under the baseline, keeping the city's target indicators and the
    /// probabilistic pyramid, as <c>populus evaluate --trajectories N</c> and the cockpit run it. With
    /// <paramref name="counties"/> (`cpu-scenario-counties`), the run the server's warm-up shares among the twelve
    /// counties: every county's target indicators. The checksum covers every kept value and pyramid quantile of the
    /// regions kept: a faster version must print the same one. After each run of the city, the probabilities of its
    /// targets as of the last observed year are timed (what a slider request of the scenario explorer adds to its run).
    /// With <paramref name="explorer"/> (`cpu-scenario-explorer`), the run a slider request makes: the city's, keeping only
    /// what judging its targets reads (`ScenarioRun.ToJudge`, as the web host's `ScenarioService` makes a run with levers;
    /// the checksum covers the values it keeps), then its probabilities, and the two together.</summary>
    public static void RunScenario(int trajectories, int repeats, int threads, bool counties = false, bool explorer = false)
    {
        var wall = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var monitor = LoadMonitor();
        var baseline = monitor.Scenario("baseline");
        string[] regions = counties ? [.. monitor.Model.Counties.Select(c => c.Region)] : [monitor.Model.City];
        _ = monitor.Uncertainty;
        Report("load and calibrate", wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu0);
        monitor.RunTrajectories(baseline, regions, 2035, Math.Min(trajectories, 50), 1); // warm-up (JIT)
        var evaluator = new Planning.Targets.TargetEvaluator(monitor.Calculator);
        var projected = Planning.Scenarios.ScenarioIndicatorData.Indicators(monitor.Projector.Project(baseline, 2035), monitor.Plan.Catalogue);
        var evaluations = evaluator.EvaluateAll(monitor.Plan.Book, regions, monitor.LastObservedYear, projected);
        for (var i = 0; i < repeats; i++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes();
            wall.Restart();
            var run = explorer
                ? monitor.RunToJudge(baseline, evaluator, evaluations, trajectories, 2024, threads)
                : monitor.RunTrajectories(baseline, regions, 2035, trajectories, 2024, threads);
            var (elapsed, cpu) = (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - before);
            allocated = GC.GetTotalAllocatedBytes() - allocated;
            var hash = 14695981039346656037UL;
            using var dump = Environment.GetEnvironmentVariable("DUMP") is { } path ? new StreamWriter(path) : null;
            void Add(double v)
            {
                hash = unchecked((hash ^ (ulong)BitConverter.DoubleToInt64Bits(v)) * 1099511628211UL);
                dump?.WriteLine(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var (id, region) in monitor.TargetSeries(regions))
            {
                foreach (var year in run.Years.Where(y => run.Holds(id, region, y)))
                {
                    Array.ForEach(run.Values(id, region, year), Add);
                }
            }

            foreach (var region in explorer ? [] : regions)
            {
                foreach (var year in run.Years)
                {
                    for (var sex = 0; sex < 2; sex++)
                    {
                        for (var g = 0; g < run.AgeGroups.Count; g++)
                        {
                            foreach (var q in run.PyramidQuantiles(region, year, (Sex)sex, g))
                            {
                                Add(q);
                            }
                        }
                    }
                }
            }

            Report($"run {trajectories} (checksum {hash:X16}, {allocated / 1e6:F0} MB allocated)", elapsed, cpu);
            if (!counties)
            {
                // What a slider request adds to the run: each target's probability (the explorer's column 达成概率).
                var (runWall, runCpu) = (elapsed, cpu);
                before = Process.GetCurrentProcess().TotalProcessorTime;
                wall.Restart();
                var met = run.Probabilities(evaluator, monitor.Plan.Book, evaluations);
                (elapsed, cpu) = (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - before);
                Report($"probabilities of {met.Count(p => p is not null)} targets (sum {met.Sum(p => p ?? 0):R})", elapsed, cpu);
                if (explorer)
                {
                    Report("the slider request (run and probabilities)", runWall + elapsed, runCpu + cpu);
                }
            }
        }
    }

    /// <summary>`cpu-e0-slider N [repeats] [threads]`: what a move of the scenario explorer's e0 slider makes, against a
    /// move of its TFR slider, in a process warmed up as the server warms up (the baseline's run of N trajectories for
    /// the city, <c>ScenarioService.WarmUp</c>): the central projection of the baseline with the lever to 2035 (as
    /// <c>ScenarioService.Project</c> makes it), then the run of N trajectories judging the city's targets
    /// (<see cref="Storage.Scenarios.PlanMonitor.RunToJudge"/>; for a both-sexes e0 it projects centrally once more to find
    /// the sexes' paths). The first repeat is the first move of each slider (its code not yet compiled, as on a server's
    /// first move); each repeat moves the sliders to a new position (TFR 1.20, 1.21, …; e0 80.0, 80.3, …), so no level
    /// calibrated for an earlier position is reused, as on the page. The checksum covers the sexes' e0 of each year of the
    /// e0 projection and every county's residents by sex and age; DUMP=prefix writes each position's e0 by sex. With N = 0,
    /// the central projections alone: <c>repeats</c> positions of each slider over its range, and the mean CPU time of one
    /// (the finer figure: a single projection takes a few milliseconds).</summary>
    public static void RunLifeExpectancySlider(int trajectories, int repeats, int threads)
    {
        var monitor = LoadMonitor();
        var baseline = monitor.Scenario("baseline");
        if (trajectories == 0)
        {
            monitor.Projector.Project(baseline.With(new(LifeExpectancy: 82)), 2035); // warm-up (JIT)
            // The sliders' ranges (the explorer's: TFR 0.7–2.1, e0 75–90), a new position each time.
            foreach (var (lever, at) in new (string, Func<double, Planning.Scenarios.ScenarioLevers>)[]
                { ("TFR", x => new(TotalFertility: 0.7 + (1.4 * x))), ("e0", x => new(LifeExpectancy: 75 + (15 * x))) })
            {
                var (wall, cpu) = Timed(() =>
                {
                    for (var i = 0; i < repeats; i++)
                    {
                        monitor.Projector.Project(baseline.With(at((i + 0.5) / repeats)), 2035);
                    }
                });
                Console.WriteLine($"{lever}: {repeats} central projections, each: wall {wall.TotalMilliseconds / repeats:F2} ms, CPU {cpu.TotalMilliseconds / repeats:F2} ms");
            }

            return;
        }

        string[] city = [monitor.Model.City];
        var evaluator = new Planning.Targets.TargetEvaluator(monitor.Calculator);
        monitor.RunTrajectories(baseline, city, 2035, trajectories, 2024, threads); // the server's warm-up
        for (var i = 0; i < repeats; i++)
        {
            foreach (var levers in new Planning.Scenarios.ScenarioLevers[] { new(TotalFertility: 1.2 + (0.01 * i)), new(LifeExpectancy: 80.0 + (0.3 * i)) })
            {
                var lever = levers.LifeExpectancy is { } e0 ? $"e0 {e0:0.0}" : $"TFR {levers.TotalFertility:0.00}";
                var scenario = baseline.With(levers);
                Planning.Scenarios.ScenarioProjection? projected = null;
                var (projectWall, projectCpu) = Timed(() => projected = monitor.Projector.Project(scenario, 2035));
                var hash = 14695981039346656037UL;
                void Add(double v) => hash = unchecked((hash ^ (ulong)BitConverter.DoubleToInt64Bits(v)) * 1099511628211UL);
                foreach (var year in projected!.Years)
                {
                    Add(year.MaleLifeExpectancy);
                    Add(year.FemaleLifeExpectancy);
                    for (var c = 0; c < monitor.Model.Counties.Count; c++)
                    {
                        var county = projected.Population(year.Year, c);
                        Array.ForEach([.. county.Male.Values, .. county.Female.Values], Add);
                    }
                }

                if (levers.LifeExpectancy is not null && Environment.GetEnvironmentVariable("DUMP") is { } path)
                {
                    File.WriteAllLines($"{path}.{levers.LifeExpectancy:0.0}", projected.Years.Select(y => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{y.Year} {y.MaleLifeExpectancy:R} {y.FemaleLifeExpectancy:R}")));
                }

                var indicators = Planning.Scenarios.ScenarioIndicatorData.Indicators(projected, monitor.Plan.Catalogue);
                // How far the projected e0 of both sexes (what monitoring computes) is from the lever: the shift settles to 1e-4 years.
                var miss = levers.LifeExpectancy is { } level
                    ? $", e0 off the lever by at most {projected.Years.Max(y => Math.Abs(indicators.Get("life_expectancy", monitor.Model.City, y.Year).Value!.Value - level)):E1}"
                    : "";
                Report($"{lever}: central projection (checksum {hash:X16}{miss})", projectWall, projectCpu);
                var evaluations = evaluator.EvaluateAll(monitor.Plan.Book, city, monitor.LastObservedYear, indicators);
                var (runWall, runCpu) = Timed(() => monitor.RunToJudge(scenario, evaluator, evaluations, trajectories, 2024, threads));
                Report($"{lever}: run {trajectories} to judge", runWall, runCpu);
                Report($"{lever}: the slider request (projection and run)", projectWall + runWall, projectCpu + runCpu);
            }
        }
    }

    /// <summary>The plan monitor of the data folder (POPULUS_DATA or the repository's), over a throwaway store.</summary>
    private static Storage.Scenarios.PlanMonitor LoadMonitor()
    {
        var folder = Directory.CreateTempSubdirectory("populus-bench-").FullName;
        try
        {
            using var store = Storage.PopulusStore.Open(Path.Combine(folder, "store.duckdb"));
            return Storage.Scenarios.PlanMonitor.Load(store, Storage.Scenarios.DataFolder.Locate());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static (TimeSpan Wall, TimeSpan Cpu) Timed(Action action)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        return (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - before);
    }

    private static void Report(string what, TimeSpan wall, TimeSpan cpu) =>
        Console.WriteLine($"{what}: wall {wall.TotalMilliseconds:F0} ms, CPU {cpu.TotalMilliseconds:F0} ms");
}
