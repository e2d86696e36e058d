using Populus.Demography;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Indicators;
using Populus.Planning.Targets;

namespace Populus.Planning.Scenarios;

/// <summary>
/// A scenario projection as indicator data (residents, urban residents, births, deaths, graduates) for each region,
/// the city, and through the calculator every grouping of the regions; and the computed indicators it gives.
/// </summary>
/// <remarks>
/// Years after the base carry provenance 'projected' with the scenario's name; the base year carries the base's own
/// source. Deaths are the expected deaths at the applied death rates, mx × residents at the end of the year: the
/// calculator's e0() divides deaths by the year-end population, so it returns exactly the life table of the applied
/// rates (a projection's cohort deaths are indexed by the age reached, not the age at death, and would not).
/// </remarks>
public static class ScenarioIndicatorData
{
    /// <summary>The projection's figures for every year from the base to its last year.</summary>
    public static InMemoryIndicatorData Build(ScenarioProjection projection, IndicatorCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(catalogue);
        var data = new InMemoryIndicatorData(catalogue, projection.BaseYear, projection.LastYear);
        var model = projection.Model;
        var fertileAges = model.FertilityPattern.Ages;
        var firstFertile = model.Ages.IndexOf(fertileAges.FirstAge);
        for (var year = projection.BaseYear; year <= projection.LastYear; year++)
        {
            var provenance = year == projection.BaseYear ? Provenance.Estimated(model.BaseSource) : Provenance.Projected(projection.Scenario.Name);
            var places = Enumerable.Range(0, model.Counties.Count).Select(c => ((int?)c, model.Counties[c].Region)).Append((null, model.City));
            foreach (var (county, region) in places)
            {
                var residents = projection.Population(year, county);
                data.AddPopulation(PopulationKind.Resident, region, year, AgeSexCounts.Split(residents), provenance);
                data.AddPopulation(PopulationKind.Urban, region, year, AgeSexCounts.Split(projection.Population(year, county, ScenarioProjector.Urban)), provenance);
                if (year == projection.BaseYear)
                {
                    continue;
                }

                var male = new double[fertileAges.Count];
                var female = new double[fertileAges.Count];
                for (var c = 0; c < model.Counties.Count; c++)
                {
                    if (county is { } only && only != c)
                    {
                        continue;
                    }

                    for (var r = 0; r < 2; r++)
                    {
                        var byAge = projection.BirthsByMothersAge(year, c, r);
                        var boys = projection.Births(year, c, r, Sex.Male);
                        var all = boys + projection.Births(year, c, r, Sex.Female);
                        var maleShare = all > 0 ? boys / all : 0;
                        for (var i = 0; i < fertileAges.Count; i++)
                        {
                            male[i] += byAge[firstFertile + i] * maleShare;
                            female[i] += byAge[firstFertile + i] * (1 - maleShare);
                        }
                    }
                }

                data.AddBirths(region, year, AgeSexCounts.Split(new PopulationByAgeSex(new PopulationByAge(fertileAges, male), new PopulationByAge(fertileAges, female))), provenance);
                data.AddDeaths(region, year, AgeSexCounts.Split(new PopulationByAgeSex(
                    ExpectedDeaths(residents.Male, projection.Mortality(year, Sex.Male)),
                    ExpectedDeaths(residents.Female, projection.Mortality(year, Sex.Female)))), provenance);
            }

            if (year > projection.BaseYear)
            {
                var levels = projection.Levels(year);
                data.AddSeries(ScalarSeries.Graduates, model.City, year, levels.Graduates, provenance);
                data.AddSeries(ScalarSeries.GraduatesRetained, model.City, year, levels.GraduatesRetained, provenance);
            }
        }

        return data;
    }

    /// <summary>
    /// Every computed indicator of <paramref name="catalogue"/> that the projection's figures give, for the city, each
    /// region and each grouping whose members are all regions of the projection, for every projected year. An
    /// indicator whose inputs the projection does not hold (education, hukou, GDP, a zone without a member list) is
    /// left out and evaluated as 'no data' with the projection's name.
    /// </summary>
    public static ProjectedIndicators Indicators(ScenarioProjection projection, IndicatorCatalogue catalogue, int? firstYear = null, int? lastYear = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(catalogue);
        var calculator = new IndicatorCalculator(catalogue, Build(projection, catalogue));
        var result = new ProjectedIndicators(projection.Scenario.Name, catalogue.Regions);
        var from = firstYear ?? projection.BaseYear + 1;
        var to = lastYear ?? projection.LastYear;
        foreach (var region in Regions(projection, catalogue.Regions))
        {
            foreach (var entry in catalogue.Entries.Where(e => e.Formula is not null && e.AppliesTo(region)))
            {
                for (var y = from; y <= to; y++)
                {
                    var v = calculator.Recompute(entry.Id, region, y);
                    if (v.HasValue)
                    {
                        result.Add(entry.Id, region, y, v.Value);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The city, the projection's regions, and the groupings made only of them.</summary>
    public static IReadOnlyList<string> Regions(ScenarioProjection projection, RegionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(registry);
        // Codes, as the registry keys regions; the model may name its regions by code or name.
        var counties = projection.Regions.Select(registry.KeyOrSelf).ToList();
        var own = counties.ToHashSet(StringComparer.Ordinal);
        return
        [
            registry.KeyOrSelf(projection.Model.City),
            .. counties,
            .. registry.All.Where(r => r.Members.Count > 0 && r.Members.All(own.Contains)).Select(r => r.Code),
        ];
    }

    private static PopulationByAge ExpectedDeaths(PopulationByAge residents, DeathRates mx)
    {
        var deaths = new double[residents.Count];
        for (var x = 0; x < deaths.Length; x++)
        {
            deaths[x] = residents[x] * mx[x];
        }

        return new PopulationByAge(residents.Ages, deaths);
    }
}
