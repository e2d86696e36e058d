using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Storage.Scenarios;
using Populus.Storage.Wpp;

namespace Populus.Storage.Tests.Scenarios;

/// <summary>The city's own net migration spread: balancing-equation residuals of the published annual figures.</summary>
public sealed class MigrationSpreadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("populus-spread-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Wenzhou_RatesAreTheResidualsOfTheReportedYearsAfterTheCensus_AndSetTheMigrationProcess()
    {
        // The published figures, read here on their own: year-end residents (10k) and natural growth (‰), reported or
        // derived from the bureau's statements.
        var rows = File.ReadLines(TestData.SharedPath("data/wenzhou/wenzhou_annual.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[5] is "reported" or "derived").ToList();
        Dictionary<int, double> Series(string indicator) =>
            rows.Where(f => f[1] == indicator).ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => double.Parse(f[2], CultureInfo.InvariantCulture));
        var population = Series("resident_population_yearend");
        var growth = Series("natural_growth_rate");

        using var store = PopulusStore.Open(Path.Combine(_folder, "store.duckdb"));
        var monitor = PlanMonitor.Load(store, TestData.RepoPath("data"));
        var spread = monitor.MigrationSpread;
        Assert.NotNull(spread);

        // Years after the census base year (the year into it is the census revision) with both figures.
        var expectedYears = population.Keys.Where(y => y - 1 >= monitor.Model.BaseYear && population.ContainsKey(y - 1) && growth.ContainsKey(y)).Order().ToList();
        Assert.Equal(expectedYears, spread.Rates.Select(r => r.Year));
        Assert.DoesNotContain(monitor.Model.BaseYear, spread.Rates.Select(r => r.Year));
        foreach (var (year, rate) in spread.Rates)
        {
            var mean = (population[year - 1] + population[year]) / 2;
            var migrants = population[year] - population[year - 1] - growth[year] / 1000 * mean;
            Assert.Equal(migrants / mean, rate, 12);
        }

        // The model keeps China's fertility and mortality processes and takes the city's migration spread.
        var china = WppUncertainty.Calibrate(TestData.RepoPath("data/wpp"), PlanMonitor.CalibrationLocation, PlanMonitor.RegionalCorrelation).Model;
        var model = monitor.Uncertainty;
        Assert.Equal(spread.Process, model.NetMigrationRate);
        Assert.Equal(china.TotalFertility, model.TotalFertility);
        Assert.Equal(china.FemaleLifeExpectancy, model.FemaleLifeExpectancy);
        Assert.Equal(0, model.NetMigrationRate.Persistence);
    }
}
