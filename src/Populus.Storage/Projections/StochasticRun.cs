using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Populus.Demography;
using Populus.Demography.Stochastic;
using Populus.Storage.Inputs;
using Populus.Storage.Tabular;
using Populus.Storage.Wpp;

namespace Populus.Storage.Projections;

/// <summary>
/// A probabilistic projection run with everything needed to reproduce and compare it: its inputs (with content
/// hashes), parameters, seed, code version and the calibration of its processes (docs/storage.md "Probabilistic runs").
/// </summary>
/// <param name="Source">"wpp" or "bundle".</param>
/// <param name="InputFolder">The folder the inputs were read from.</param>
/// <param name="Location">The WPP location projected, or null for a bundle.</param>
/// <param name="From">Base year.</param>
/// <param name="To">Last population year.</param>
/// <param name="Calibration">The fitted processes (and their fit) the trajectories drew from.</param>
/// <param name="Results">Means and quantiles by year, unit, sex and age group, and of every indicator.</param>
public sealed record StochasticRun(string Source, string InputFolder, int? Location, int From, int To, WppUncertainty.Calibration Calibration, TrajectoryResults Results)
{
    /// <summary>The groups population quantiles are kept by: five-year groups from 0 to the grid's open age (rounded down
    /// to a multiple of five), then the open group: 0–4 … 95–99, 100+ on WPP's grid.</summary>
    public static AgeGroups OutputAgeGroups(AgeGroups grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return AgeGroups.FiveYear(0, grid.OpenAge - grid.OpenAge % 5);
    }

    /// <summary>Runs <paramref name="trajectories"/> trajectories of a WPP location, with processes fitted to its own published bounds.</summary>
    /// <exception cref="InvalidInputException">The extract is missing or invalid, or lacks an input or bounds the years need.</exception>
    public static StochasticRun FromWpp(string folder, int locationCode, int from, int to, int trajectories, ulong seed, int threads = 0)
    {
        var (calibration, (location, basePopulation, assumptions)) = ReadBesideCalibration(() => WppUncertainty.Calibrate(folder, locationCode), () =>
        {
            var location = WppReader.Read(folder, locationCode);
            return (location, WppProjectionSetup.BasePopulation(location, folder, from), WppProjectionSetup.Assumptions(location, folder, from, to));
        });
        double[] initial = [.. basePopulation.Male.Values, .. basePopulation.Female.Values];
        var projection = Checked(folder, () => new StochasticProjection(Demography.Projection.StateSpace.Single(location.LocationName), [assumptions], initial,
            from, WppProjectionSetup.MidYear(from), to - from, WppProjection.Timing, calibration.Model, OutputAgeGroups(assumptions.Ages)));
        return new StochasticRun("wpp", folder, locationCode, from, to, calibration, projection.Run(trajectories, seed, threads));
    }

    /// <summary>Runs trajectories of an input bundle's regions (with their internal migration), the processes fitted to
    /// the WPP bounds of <paramref name="calibrationLocation"/> and applied around each region's own levels.</summary>
    /// <exception cref="InvalidInputException">The bundle or the extract is missing or invalid.</exception>
    public static StochasticRun FromBundle(string bundle, string wppFolder, int calibrationLocation, int from, int to, int trajectories, ulong seed,
        double regionalCorrelation = 0.9, int threads = 0)
    {
        var (calibration, setup) = ReadBesideCalibration(() => WppUncertainty.Calibrate(wppFolder, calibrationLocation, regionalCorrelation),
            () => BundleProjection.Prepare(bundle, from, to));
        double[] initial = [.. setup.BasePopulation.SelectMany(p => p.Male.Values.ToArray().Concat(p.Female.Values.ToArray()))];
        var projection = Checked(bundle, () => new StochasticProjection(setup.States, setup.Assumptions, initial, from, from, to - from,
            BundleProjection.Timing, calibration.Model, OutputAgeGroups(setup.Assumptions[0].Ages), setup.Transitions));
        return new StochasticRun("bundle", bundle, null, from, to, calibration, projection.Run(trajectories, seed, threads));
    }

    /// <summary>The assembly's informational version (the build's version and source revision) and, when run inside a
    /// git work tree, <c>git describe --always --dirty</c>.</summary>
    public static string CodeVersion()
    {
        var informational = typeof(StochasticRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "describe --always --dirty")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            });
            var described = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return git?.ExitCode == 0 && !string.IsNullOrEmpty(described) ? $"{informational} (git {described})" : informational;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return informational; // no git on this machine
        }
    }

    /// <summary>Writes the run folder: manifest.json, quantiles.csv (population by year, unit, sex and age group, and
    /// indicators) and calibration.csv (the fit of each process by year). Each file is written whole or not at all.</summary>
    public void Write(string folder, IEnumerable<string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        Directory.CreateDirectory(folder);
        AtomicFile.Write(Path.Combine(folder, "quantiles.csv"), WriteQuantiles);
        AtomicFile.Write(Path.Combine(folder, "calibration.csv"), WriteCalibration);
        var manifest = Manifest(commandLine);
        AtomicFile.Write(Path.Combine(folder, "manifest.json"), w => w.Write(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
    }

    private JsonObject Manifest(IEnumerable<string> commandLine)
    {
        var m = Calibration.Model;
        JsonObject Process(Ar1Process p) => new() { ["first_year_sd"] = p.FirstYearSd, ["persistence"] = p.Persistence, ["innovation_sd"] = p.InnovationSd };
        JsonObject Fit(CalibrationFit f) => new() { ["rms_relative_error"] = f.RmsRelativeError, ["max_relative_error"] = f.MaxRelativeError };
        var inputs = new JsonArray();
        foreach (var file in Directory.EnumerateFiles(InputFolder).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith(".parquet", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            inputs.Add(new JsonObject { ["file"] = Path.GetFileName(file), ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream)) });
        }

        return new JsonObject
        {
            ["kind"] = "populus stochastic projection",
            ["created_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["code_version"] = CodeVersion(),
            ["command_line"] = new JsonArray([.. commandLine.Select(a => (JsonNode)a)]),
            ["source"] = Source,
            ["input_folder"] = Path.GetFullPath(InputFolder),
            ["location"] = Location,
            ["from"] = From,
            ["to"] = To,
            ["trajectories"] = Results.Trajectories,
            ["seed"] = Results.Seed.ToString(CultureInfo.InvariantCulture),
            ["quantiles"] = new JsonArray([.. TrajectoryResults.Probabilities.Select(p => (JsonNode)p)]),
            ["units"] = new JsonArray([.. Results.Units.Select(u => (JsonNode)u)]),
            ["model"] = new JsonObject
            {
                ["calibrated_to_location"] = Calibration.LocationCode,
                ["calibrated_to"] = Calibration.Location,
                ["base_year"] = m.BaseYear,
                ["tfr"] = Process(m.TotalFertility),
                ["female_e0"] = Process(m.FemaleLifeExpectancy),
                ["male_e0_own"] = Process(m.MaleLifeExpectancyOwn),
                ["male_e0_loading"] = m.MaleLoading,
                ["net_migration_rate"] = Process(m.NetMigrationRate),
                ["regional_correlation"] = m.RegionalCorrelation,
                ["minimum_tfr"] = m.MinimumTotalFertility,
                ["gap_range"] = new JsonArray(m.MinimumGap, m.MaximumGap),
            },
            ["fit"] = new JsonObject
            {
                ["tfr"] = Fit(Calibration.TotalFertility),
                ["female_e0"] = Fit(Calibration.FemaleLifeExpectancy),
                ["male_e0"] = Fit(Calibration.MaleLifeExpectancy),
                ["net_migration_rate"] = Fit(Calibration.NetMigrationRate),
            },
            ["inputs"] = inputs,
            ["files"] = new JsonArray("quantiles.csv", "calibration.csv"),
        };
    }

    private void WriteQuantiles(TextWriter w)
    {
        var r = Results;
        w.WriteLine("year,unit,measure,sex,age_group,mean,q025,q100,q250,q500,q750,q900,q975");
        var q = TrajectoryResults.Probabilities.Length;
        foreach (var year in r.Years)
        {
            foreach (var unit in r.Units)
            {
                foreach (var indicator in Enum.GetValues<TrajectoryIndicator>())
                {
                    if (double.IsNaN(r.Mean(year, unit, indicator)))
                    {
                        continue; // not defined for the sum of units
                    }

                    Row(w, year, unit, Name(indicator), "", "", r.Mean(year, unit, indicator), i => r.Quantile(year, unit, indicator, i), q);
                }

                foreach (var sex in new[] { Sex.Male, Sex.Female })
                {
                    for (var g = 0; g < r.AgeGroups.Count; g++)
                    {
                        Row(w, year, unit, "population", sex == Sex.Male ? "M" : "F", r.AgeGroups.Label(g), r.Mean(year, unit, sex, g), i => r.Quantile(year, unit, sex, g, i), q);
                    }
                }
            }
        }
    }

    private static void Row(TextWriter w, int year, string unit, string measure, string sex, string group, double mean, Func<int, double> quantile, int q)
    {
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{year},{Csv(unit)},{measure},{sex},{group},{mean:R}"));
        for (var i = 0; i < q; i++)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $",{quantile(i):R}"));
        }

        w.WriteLine();
    }

    private void WriteCalibration(TextWriter w)
    {
        w.WriteLine("variable,year,horizon,target_half80,fitted_half80,target_half95,fitted_half95");
        foreach (var (name, fit) in new[] { ("tfr", Calibration.TotalFertility), ("female_e0", Calibration.FemaleLifeExpectancy), ("male_e0", Calibration.MaleLifeExpectancy), ("net_migration_rate", Calibration.NetMigrationRate) })
        {
            foreach (var row in fit.Rows)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name},{row.Year},{row.Horizon},{row.TargetHalfWidth80:R},{row.FittedHalfWidth80:R},{row.TargetHalfWidth95:R},{row.FittedHalfWidth95:R}"));
            }
        }
    }

    /// <summary>The indicator's column name in quantiles.csv.</summary>
    public static string Name(TrajectoryIndicator indicator) => indicator switch
    {
        TrajectoryIndicator.Population => "total_population",
        TrajectoryIndicator.Births => "births",
        TrajectoryIndicator.NetMigrants => "net_migrants",
        TrajectoryIndicator.TotalFertility => "tfr",
        TrajectoryIndicator.MaleLifeExpectancy => "e0_male",
        TrajectoryIndicator.FemaleLifeExpectancy => "e0_female",
        TrajectoryIndicator.ChildSharePercent => "share_0_14_percent",
        TrajectoryIndicator.OlderSharePercent => "share_65_plus_percent",
        _ => "old_age_dependency_ratio",
    };

    /// <summary>A unit name as a CSV field (quoted when it holds a comma or a quote).</summary>
    internal static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : text;

    /// <summary>Reads the run's inputs while the processes are calibrated on another thread (≈ 0.7 s of a core: the
    /// calibration location's deterministic projection to 2100 and four fits, which the inputs do not need). When both
    /// fail, the calibration's error is the one reported, as when it ran first.</summary>
    private static (WppUncertainty.Calibration Calibration, T Inputs) ReadBesideCalibration<T>(Func<WppUncertainty.Calibration> calibrate, Func<T> read)
    {
        var calibrating = Task.Run(calibrate);
        T inputs;
        try
        {
            inputs = read();
        }
        catch (InvalidInputException)
        {
            calibrating.GetAwaiter().GetResult();
            throw;
        }

        return (calibrating.GetAwaiter().GetResult(), inputs);
    }

    private static T Checked<T>(string folder, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException(new InputError(folder, 0, null, null, $"the inputs cannot be turned into projection rates: {ex.Message}"));
        }
    }
}
