using System.Diagnostics;
using Populus.Benchmarks.Stochastic;

namespace Populus.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Populus.Benchmarks -- cpu N [repeats]`: runs the city case with N trajectories
/// and prints wall and process CPU time of each repeat. On a shared machine CPU time is the steadier figure (waiting
/// for a core counts in wall time, not in CPU time); run it under `perf stat -e task-clock` for the kernel's view.
/// </summary>
internal static class CpuTiming
{
    public static void Run(int trajectories, int repeats)
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
            var r = city.Run(trajectories, 20_240_101);
            Report($"run {trajectories} (median 2035 total {r.Quantile(2035, "total", Populus.Demography.Stochastic.TrajectoryIndicator.Population, 3):N0})",
                wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - before);
        }
    }

    private static void Report(string what, TimeSpan wall, TimeSpan cpu) =>
        Console.WriteLine($"{what}: wall {wall.TotalMilliseconds:F0} ms, CPU {cpu.TotalMilliseconds:F0} ms");
}
