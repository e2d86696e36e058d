using BenchmarkDotNet.Attributes;
using Populus.Planning.Scenarios;
using Populus.Storage.Scenarios;

namespace Populus.Benchmarks.Scenarios;

/// <summary>
/// The cockpit's re-projection when a slider moves: Wenzhou's 12 counties × urban/rural, single ages 0–100+, 2020 → 2035,
/// on a projector built once (the model, on the calibrated base of a seeded store, is loaded in setup). Each call sets a
/// new lever level, so the TFR, migration and
/// retention cases reuse the cached survival ratios while the e0 case calibrates two life tables a year anew; the
/// "with city indicators" case adds the plan indicators of the city for every year. <see cref="CityIndicatorsOfOneProjection"/>
/// is what a probabilistic run adds to each trajectory's projection: the city's target indicators of every year.
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private ScenarioProjector _projector = null!;
    private Scenario _baseline = null!;
    private Planning.Catalogue.IndicatorCatalogue _catalogue = null!;
    private int _call;
    private ScenarioProjection _projection = null!;
    private (string Indicator, string Region)[] _series = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = DataFolder.Locate();
        var folder = Directory.CreateTempSubdirectory("populus-bench-").FullName;
        using (var store = Storage.PopulusStore.Open(Path.Combine(folder, "store.duckdb")))
        {
            _projector = new ScenarioProjector(ScenarioModelFile.Load(data, ScenarioModelFile.StoreBase(store, data), ScenarioModelFile.StoreBaseSource));
            var regions = Storage.PlanData.PlanningRegions.From(store);
            _catalogue = PlanFiles.Load(data, regions, Storage.PlanData.PlanningRegions.PlanRegion(store)).Catalogue;
        }

        Directory.Delete(folder, true);
        _baseline = ScenarioFile.Read(Path.Combine(data, "scenarios")).Single(s => s.Name == "baseline");
        _projection = _projector.Project(_baseline, 2035);
        var city = _catalogue.Regions.KeyOrSelf(_projection.Model.City);
        _series = [.. _catalogue.Entries.Where(e => e.PlanId is not null && e.Formula is not null && e.AppliesTo(city))
            .Select(e => (e.Id, city))
            .Where(s => new Planning.Indicators.IndicatorCalculator(_catalogue, new ScenarioIndicatorData(_projection, _catalogue)).Recompute(s.Id, s.city, 2030).HasValue)];
    }

    /// <summary>A new level each call, as a dragged slider gives.</summary>
    private double Next(double from, double step) => from + (step * (++_call % 1000));

    [Benchmark(Baseline = true)]
    public double Tfr() => _projector.Project(_baseline.With(new ScenarioLevers(TotalFertility: Next(1.0, 0.0005))), 2035).Total(2035);

    [Benchmark]
    public double NetMigration() => _projector.Project(_baseline.With(new ScenarioLevers(NetMigration: Next(0, 100))), 2035).Total(2035);

    [Benchmark]
    public double LifeExpectancy() => _projector.Project(_baseline.With(new ScenarioLevers(LifeExpectancy: Next(80, 0.005))), 2035).Total(2035);

    [Benchmark]
    public double TfrWithCityIndicators()
    {
        var p = _projector.Project(_baseline.With(new ScenarioLevers(TotalFertility: Next(1.0, 0.0005))), 2035);
        var data = new ScenarioIndicatorData(p, _catalogue);
        var calculator = new Planning.Indicators.IndicatorCalculator(_catalogue, data);
        var sum = 0.0;
        foreach (var id in new[] { "resident_population", "total_fertility_rate", "life_expectancy", "ageing_rate_60", "dependency_ratio", "urbanization_rate", "central_city_primacy" })
        {
            for (var y = 2021; y <= 2035; y++)
            {
                sum += calculator.Recompute(id, p.Model.City, y).Value;
            }
        }

        return sum;
    }

    /// <summary>The plan's main indicators that a projection gives for the city (9), for 2024–2035, as a probabilistic run
    /// evaluates them for each trajectory (with new tables here: a run's worker reuses its arrays).</summary>
    [Benchmark]
    public double CityIndicatorsOfOneProjection()
    {
        var calculator = new Planning.Indicators.IndicatorCalculator(_catalogue, new ScenarioIndicatorData(_projection, _catalogue));
        var sum = 0.0;
        foreach (var (id, region) in _series)
        {
            for (var y = 2024; y <= 2035; y++)
            {
                sum += calculator.Recompute(id, region, y).Value;
            }
        }

        return sum;
    }
}
