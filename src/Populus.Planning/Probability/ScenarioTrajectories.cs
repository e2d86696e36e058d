using Populus.Demography.Stochastic;
using Populus.Planning.Catalogue;
using Populus.Planning.Indicators;
using Populus.Planning.Scenarios;

namespace Populus.Planning.Probability;

/// <summary>
/// A probabilistic projection of a plan scenario: trajectories in which TFR, e0 by sex and net migration deviate
/// from the scenario's central paths by the random processes of an <see cref="UncertaintyModel"/>, each projected
/// with the scenario projector; the city's total population and chosen indicators by year in every trajectory.
/// </summary>
/// <remarks>
/// The deviations start after <c>knownThrough</c> (the last observed year: horizon h = year − knownThrough), TFR
/// is kept at or above the model's minimum and the female–male e0 gap within its bounds, as in
/// <see cref="StochasticProjection"/>. Migration deviates as a rate (migrants per resident) times the central
/// path's population of the year before, so the calibrated spread applies to a city of any size ([WPP2024]
/// publishes total net migration, fitted as a rate, docs/methods.md). Trajectory i draws from
/// <see cref="RandomStream"/>(seed, i), so a seed gives the same trajectories on any machine. The scenario
/// projection works on the city's counties; the deviations are common to all of them (regional correlation 1),
/// since the scenario sets one level for the city.
/// </remarks>
public sealed class ScenarioTrajectories
{
    private readonly Dictionary<(string Indicator, int Year), double[]> _values;
    private readonly double[][] _population;

    private ScenarioTrajectories(string scenario, int count, ulong seed, int[] years, double[][] population, Dictionary<(string, int), double[]> values)
    {
        Scenario = scenario;
        Count = count;
        Seed = seed;
        Years = years;
        _population = population;
        _values = values;
    }

    public string Scenario { get; }

    /// <summary>The number of trajectories.</summary>
    public int Count { get; }

    public ulong Seed { get; }

    /// <summary>The projected years, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The city's total resident population (persons) at the end of <paramref name="year"/> in every trajectory.</summary>
    public IReadOnlyList<double> Population(int year) => _population[Array.IndexOf(Years.ToArray(), year) is var i and >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(year), year, "not a projected year")];

    /// <summary>An indicator's value for the city in <paramref name="year"/> in every trajectory, or null when it was
    /// not asked for or a trajectory's projection does not give it.</summary>
    public IReadOnlyList<double>? Values(string indicatorId, int year) => _values.TryGetValue((indicatorId, year), out var v) ? v : null;

    /// <summary>The 2.5, 10, 50, 90 and 97.5 % quantiles of the city's population in <paramref name="year"/>.</summary>
    public (double Lower95, double Lower80, double Median, double Upper80, double Upper95) PopulationQuantiles(int year)
    {
        var q = new double[5];
        Quantiles.Compute(Population(year).ToArray(), [0.025, 0.1, 0.5, 0.9, 0.975], q);
        return (q[0], q[1], q[2], q[3], q[4]);
    }

    /// <param name="projector">The scenario projector (its workspace is reused; not thread-safe).</param>
    /// <param name="catalogue">The catalogue whose formulas compute <paramref name="indicators"/> on each trajectory.</param>
    /// <param name="indicators">The (indicator, year) pairs to keep for the city.</param>
    /// <exception cref="ArgumentOutOfRangeException">No trajectory, or a last year not after the known years.</exception>
    public static ScenarioTrajectories Run(ScenarioProjector projector, Scenario scenario, UncertaintyModel uncertainty, int knownThrough, int lastYear,
        int trajectories, ulong seed, IndicatorCatalogue catalogue, IEnumerable<(string Indicator, int Year)> indicators)
    {
        ArgumentNullException.ThrowIfNull(projector);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(uncertainty);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        var first = Math.Max(knownThrough, projector.Model.BaseYear) + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, first);
        var wanted = indicators.Distinct().ToArray();
        var city = projector.Model.City;
        var years = Enumerable.Range(projector.Model.BaseYear + 1, lastYear - projector.Model.BaseYear).ToArray();
        var central = projector.Project(scenario, lastYear);
        var centralTotal = years.ToDictionary(y => y, y => central.Total(y));
        centralTotal[projector.Model.BaseYear] = central.Total(projector.Model.BaseYear);

        var population = years.Select(_ => new double[trajectories]).ToArray();
        var values = wanted.ToDictionary(w => w, _ => new double[trajectories]);
        var missing = new HashSet<(string, int)>();
        var horizon = lastYear - first + 1;
        var d = new double[4][];
        for (var k = 0; k < 4; k++)
        {
            d[k] = new double[horizon + 1];
        }

        var shocks = new double[horizon + 1];
        for (var i = 0; i < trajectories; i++)
        {
            var rng = new RandomStream(seed, i);
            var processes = new[] { uncertainty.TotalFertility, uncertainty.FemaleLifeExpectancy, uncertainty.MaleLifeExpectancyOwn, uncertainty.NetMigrationRate };
            for (var k = 0; k < 4; k++)
            {
                for (var h = 1; h <= horizon; h++)
                {
                    shocks[h] = rng.NextNormal();
                }

                processes[k].Simulate(shocks, d[k]);
            }

            var drawn = Perturb(scenario, uncertainty, first, lastYear, d, centralTotal, i);
            var projection = projector.Project(drawn, lastYear);
            for (var j = 0; j < years.Length; j++)
            {
                population[j][i] = projection.Total(years[j]);
            }

            if (wanted.Length > 0)
            {
                var calculator = new IndicatorCalculator(catalogue, ScenarioIndicatorData.Build(projection, catalogue));
                foreach (var w in wanted)
                {
                    var v = calculator.Recompute(w.Indicator, city, w.Year);
                    if (v.HasValue)
                    {
                        values[w][i] = v.Value;
                    }
                    else
                    {
                        missing.Add(w);
                    }
                }
            }
        }

        foreach (var m in missing)
        {
            values.Remove(m);
        }

        return new ScenarioTrajectories(scenario.Name, trajectories, seed, years, population, values);
    }

    /// <summary>The scenario with one trajectory's deviations added to its paths for the years first..last.</summary>
    private static Scenario Perturb(Scenario scenario, UncertaintyModel u, int first, int last, double[][] d, Dictionary<int, double> centralTotal, int index)
    {
        var paths = new Dictionary<ScenarioAssumption, YearPath>();
        var sources = new Dictionary<ScenarioAssumption, string>();
        foreach (var a in Enum.GetValues<ScenarioAssumption>())
        {
            paths[a] = scenario.Path(a);
            sources[a] = scenario.Source(a);
        }

        var tfr = new List<KeyValuePair<int, double>>();
        var female = new List<KeyValuePair<int, double>>();
        var male = new List<KeyValuePair<int, double>>();
        var migration = new List<KeyValuePair<int, double>>();
        // The years up to the first perturbed one keep the central values (the path is linear between the years given).
        var (tMin, tMax) = ScenarioAssumption.TotalFertility.Range();
        foreach (var y in Enumerable.Range(first - 1, last - first + 2))
        {
            var h = y - first + 1;
            var e0f = scenario.At(ScenarioAssumption.FemaleLifeExpectancy, y);
            var e0m = scenario.At(ScenarioAssumption.MaleLifeExpectancy, y);
            var gap = e0f - e0m;
            var femaleDrawn = e0f + d[1][h];
            var maleRaw = e0m + u.MaleLoading * d[1][h] + d[2][h];
            var drawnGap = Math.Clamp(femaleDrawn - maleRaw, Math.Min(u.MinimumGap, gap), Math.Max(u.MaximumGap, gap));
            tfr.Add(new(y, Math.Clamp(scenario.At(ScenarioAssumption.TotalFertility, y) + d[0][h], Math.Max(tMin, u.MinimumTotalFertility), tMax)));
            female.Add(new(y, femaleDrawn));
            male.Add(new(y, femaleDrawn - drawnGap));
            var size = centralTotal.TryGetValue(y - 1, out var p) ? p : centralTotal[first - 1];
            migration.Add(new(y, scenario.At(ScenarioAssumption.NetMigration, y) + d[3][h] * size));
        }

        void Set(ScenarioAssumption a, List<KeyValuePair<int, double>> values)
        {
            // Before the perturbed years the scenario's own path applies; its values at the years it states are kept.
            var own = scenario.Path(a).Years.Where(y => y < first - 1).Select(y => new KeyValuePair<int, double>(y, scenario.At(a, y)));
            paths[a] = new YearPath(own.Concat(values));
            sources[a] = $"{scenario.Source(a)}; trajectory {index} of the uncertainty model";
        }

        Set(ScenarioAssumption.TotalFertility, tfr);
        Set(ScenarioAssumption.FemaleLifeExpectancy, female);
        Set(ScenarioAssumption.MaleLifeExpectancy, male);
        Set(ScenarioAssumption.NetMigration, migration);
        return new Scenario($"{scenario.Name} [trajectory {index}]", scenario.Description, paths, sources);
    }
}
