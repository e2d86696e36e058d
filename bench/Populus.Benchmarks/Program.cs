using BenchmarkDotNet.Running;

namespace Populus.Benchmarks;

/// <summary>Runs the benchmarks: `dotnet run -c Release --project bench/Populus.Benchmarks -- --filter '*'`; `-- cpu N`,
/// `-- cpu-scenario N`, `-- cpu-scenario-counties N`, `-- cpu-scenario-explorer N`, `-- cpu-e0-slider N` and `-- cpu-projection` print process CPU times instead (<see cref="CpuTiming"/>).</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cpu-projection")
        {
            CpuTiming.RunProjection(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args.Length > 0 && args[0] is "cpu-scenario" or "cpu-scenario-counties" or "cpu-scenario-explorer")
        {
            var counties = args[0] == "cpu-scenario-counties";
            CpuTiming.RunScenario(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
                args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : counties ? 1 : 0,
                counties, explorer: args[0] == "cpu-scenario-explorer");
            return;
        }

        if (args.Length > 0 && args[0] == "cpu-e0-slider")
        {
            CpuTiming.RunLifeExpectancySlider(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5,
                args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0);
            return;
        }

        if (args.Length > 0 && args[0] == "cpu")
        {
            CpuTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
                args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
