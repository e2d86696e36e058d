using Populus.Planning.Catalogue;

namespace Populus.Planning.Data;

/// <summary>
/// <see cref="IIndicatorData"/> over figures handed in: seed tables in tests, a projection's output when
/// computing projected indicators, or a small user dataset. Reported figures are validated against the catalogue
/// as they are added.
/// </summary>
public sealed class InMemoryIndicatorData : IIndicatorData
{
    private readonly Dictionary<(PopulationKind, string, int), DataResult<AgeSexCounts>> _population = [];
    private readonly Dictionary<(string, int), DataResult<AgeSexCounts>> _births = [];
    private readonly Dictionary<(string, int), DataResult<AgeSexCounts>> _deaths = [];
    private readonly Dictionary<(string, int), DataResult<EducationCounts>> _education = [];
    private readonly Dictionary<(string, string, int), DataResult<double>> _series = [];
    private readonly Dictionary<(string, string, int), DataResult<ReportedValue>> _reported = [];
    private readonly IndicatorCatalogue _catalogue;

    /// <param name="catalogue">Reported figures must name its indicators and regions.</param>
    /// <param name="firstYear">First year a reported figure may have.</param>
    /// <param name="lastYear">Last year a reported figure may have.</param>
    public InMemoryIndicatorData(IndicatorCatalogue catalogue, int firstYear = 2000, int lastYear = 2050)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    public int FirstYear { get; }

    public int LastYear { get; }

    public InMemoryIndicatorData AddPopulation(PopulationKind kind, string region, int year, AgeSexCounts counts, Provenance provenance)
    {
        _population[(kind, Key(region), year)] = DataResult<AgeSexCounts>.Found(counts, provenance);
        return this;
    }

    public InMemoryIndicatorData AddBirths(string region, int year, AgeSexCounts births, Provenance provenance)
    {
        _births[(Key(region), year)] = DataResult<AgeSexCounts>.Found(births, provenance);
        return this;
    }

    public InMemoryIndicatorData AddDeaths(string region, int year, AgeSexCounts deaths, Provenance provenance)
    {
        _deaths[(Key(region), year)] = DataResult<AgeSexCounts>.Found(deaths, provenance);
        return this;
    }

    /// <summary>Births the data holds but cannot use (only the male ones of a year): <see cref="Births"/> gives this
    /// reason instead of "no births in the data", until a figure is added.</summary>
    public InMemoryIndicatorData AddMissingBirths(string region, int year, Reason why)
    {
        _births[(Key(region), year)] = DataResult<AgeSexCounts>.Missing(why);
        return this;
    }

    /// <summary>Deaths the data holds but cannot use, as <see cref="AddMissingBirths"/>.</summary>
    public InMemoryIndicatorData AddMissingDeaths(string region, int year, Reason why)
    {
        _deaths[(Key(region), year)] = DataResult<AgeSexCounts>.Missing(why);
        return this;
    }

    public InMemoryIndicatorData AddEducation(string region, int year, EducationCounts education, Provenance provenance)
    {
        _education[(Key(region), year)] = DataResult<EducationCounts>.Found(education, provenance);
        return this;
    }

    /// <exception cref="ArgumentException">The series is not one of <see cref="ScalarSeries"/>.</exception>
    public InMemoryIndicatorData AddSeries(string name, string region, int year, double value, Provenance provenance)
    {
        if (!ScalarSeries.IsKnown(name))
        {
            throw new ArgumentException($"series '{name}' is unknown; known: {string.Join(", ", ScalarSeries.Units.Keys)}.", nameof(name));
        }

        _series[(name, Key(region), year)] = DataResult<double>.Found(value, provenance);
        return this;
    }

    /// <exception cref="CatalogueException">The figure names an unknown indicator, region or year.</exception>
    public InMemoryIndicatorData AddReported(ReportedValue figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var errors = ReportedFigureRules.Check(figure, _catalogue, FirstYear, LastYear, "reported figure");
        if (errors.Count > 0)
        {
            throw new CatalogueException("reported figure", errors);
        }

        _reported[(figure.IndicatorId, Key(figure.Region), figure.Year)] = DataResult<ReportedValue>.Found(figure, figure.Provenance);
        return this;
    }

    public DataResult<AgeSexCounts> Population(PopulationKind kind, string region, int year) =>
        Find(_population, (kind, Key(region), year), MissingData.Population(kind, _catalogue.Regions.NameOf(region), year));

    public DataResult<AgeSexCounts> Births(string region, int year) =>
        Find(_births, (Key(region), year), MissingData.Births(_catalogue.Regions.NameOf(region), year));

    public DataResult<AgeSexCounts> Deaths(string region, int year) =>
        Find(_deaths, (Key(region), year), MissingData.Deaths(_catalogue.Regions.NameOf(region), year));

    public DataResult<EducationCounts> Education(string region, int year) =>
        Find(_education, (Key(region), year), MissingData.Education(_catalogue.Regions.NameOf(region), year));

    public DataResult<double> Series(string name, string region, int year) =>
        Find(_series, (name, Key(region), year), MissingData.Series(name, _catalogue.Regions.NameOf(region), year));

    public DataResult<ReportedValue> Reported(string indicatorId, string region, int year) =>
        Find(_reported, (indicatorId, Key(region), year), MissingData.Reported(indicatorId, _catalogue.Regions.NameOf(region), year));

    /// <summary>Figures are kept by region code; a region may be named by code or Chinese name.</summary>
    private string Key(string region) => _catalogue.Regions.KeyOrSelf(region);

    private static DataResult<T> Find<TKey, T>(Dictionary<TKey, DataResult<T>> map, TKey key, Reason missing)
        where TKey : notnull
        where T : notnull =>
        map.TryGetValue(key, out var r) ? r : DataResult<T>.Missing(missing);
}
