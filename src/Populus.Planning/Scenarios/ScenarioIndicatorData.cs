using System.Numerics.Tensors;
using Populus.Demography;
using Populus.Demography.Projection;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Formulas;
using Populus.Planning.Indicators;
using Populus.Planning.Targets;

namespace Populus.Planning.Scenarios;

/// <summary>
/// A scenario projection read as indicator data (residents, urban residents, births, deaths, graduates) for each region
/// and the city, and through the calculator every grouping of the regions; and the computed indicators it gives.
/// </summary>
/// <remarks>
/// <para>Years after the base carry provenance 'projected' with the scenario's name; the base year carries the base's
/// own source. Deaths are the expected deaths at the applied death rates, mx × residents at the end of the year: the
/// calculator's e0() divides deaths by the year-end population, so it returns exactly the life table of the applied
/// rates (a projection's cohort deaths are indexed by the age reached, not the age at death, and would not).</para>
/// <para>Figures are assembled when a formula first asks for them and kept: a probabilistic run evaluates a few target
/// indicators of each trajectory, so building every region's tables for every year up front would cost more than the
/// projection itself. Safe to share between threads (the cockpit's calculators serve concurrent requests): the tables
/// kept are guarded by one lock, taken only to look up and to store.</para>
/// <para>A probabilistic run reads thousands of trajectories, each once: a worker keeps one instance and
/// <see cref="Recycle"/>s it for the next trajectory, whose tables are then summed into the arrays of the last one's
/// instead of new ones (they were 138 of the 165 MB a run of 1,000 trajectories allocated, and their collections, which
/// stop every thread of the run, ≈ 12% of its time on two threads).</para>
/// </remarks>
public sealed class ScenarioIndicatorData : IIndicatorData
{
    private ScenarioProjection _projection; // a recycled instance reads the next trajectory's
    private readonly IndicatorCatalogue _catalogue;
    private readonly ScenarioPlaces _places;
    private readonly Provenance?[] _provenance; // [place][projected, base year], made when first asked
    private readonly Lock _gate = new();
    private readonly Dictionary<(PopulationKind, int, int), DataResult<AgeSexCounts>> _population = [];
    private readonly Dictionary<(int, int), DataResult<AgeSexCounts>> _births = [];
    private readonly Dictionary<(int, int), DataResult<AgeSexCounts>> _deaths = [];
    private readonly List<double[]> _lent = []; // the arrays of the tables made since the last recycling
    private readonly Dictionary<int, Stack<double[]>> _free = []; // by length: the arrays of recycled tables

    /// <param name="projection">The projection.</param>
    /// <param name="catalogue">The catalogue whose regions name the projection's regions and the city.</param>
    public ScenarioIndicatorData(ScenarioProjection projection, IndicatorCatalogue catalogue)
        : this(projection, catalogue, PlacesOf(projection, catalogue))
    {
    }

    /// <summary>With the places of the projection's model already made (<see cref="ScenarioPlaces"/>, from the catalogue's regions).</summary>
    internal ScenarioIndicatorData(ScenarioProjection projection, IndicatorCatalogue catalogue, ScenarioPlaces places)
    {
        _projection = projection;
        _catalogue = catalogue;
        _places = places;
        _provenance = new Provenance?[2 * places.Count];
    }

    /// <summary>Reads <paramref name="next"/> (a projection of the same model) from now on, forgetting every table made
    /// and reusing their arrays: a table given before must not be read again. For one thread's run of trajectories only.</summary>
    /// <exception cref="ArgumentException">The projection is of another model.</exception>
    internal void Recycle(ScenarioProjection next)
    {
        if (next.Model != _projection.Model)
        {
            throw new ArgumentException("A recycled indicator data must read a projection of the same model.", nameof(next));
        }

        lock (_gate)
        {
            if (next.Scenario != _projection.Scenario)
            {
                Array.Clear(_provenance);
            }

            _projection = next;
            _population.Clear();
            _births.Clear();
            _deaths.Clear();
            foreach (var array in _lent)
            {
                (_free.TryGetValue(array.Length, out var stack) ? stack : _free[array.Length] = new Stack<double[]>()).Push(array);
            }

            _lent.Clear();
        }
    }

    public DataResult<AgeSexCounts> Population(PopulationKind kind, string region, int year)
    {
        if (kind == PopulationKind.Registered || !_places.TryFind(region, out var place) || year < _projection.BaseYear || year > _projection.LastYear)
        {
            return DataResult<AgeSexCounts>.Missing(MissingData.Population(kind, _catalogue.Regions.NameOf(region), year));
        }

        var key = (kind, place, year);
        return TryKept(_population, key, out var kept) ? kept
            : Keep(_population, key, Split(Residents(place, year, kind == PopulationKind.Urban ? ScenarioProjector.Urban : null)), ProvenanceOf(place, year));
    }

    public DataResult<AgeSexCounts> Births(string region, int year)
    {
        if (!_places.TryFind(region, out var place) || year <= _projection.BaseYear || year > _projection.LastYear)
        {
            return DataResult<AgeSexCounts>.Missing(MissingData.Births(_catalogue.Regions.NameOf(region), year));
        }

        return TryKept(_births, (place, year), out var kept) ? kept
            : Keep(_births, (place, year), Split(BirthsByMothersAge(place, year)), ProvenanceOf(place, year));
    }

    public DataResult<AgeSexCounts> Deaths(string region, int year)
    {
        if (!_places.TryFind(region, out var place) || year <= _projection.BaseYear || year > _projection.LastYear)
        {
            return DataResult<AgeSexCounts>.Missing(MissingData.Deaths(_catalogue.Regions.NameOf(region), year));
        }

        if (TryKept(_deaths, (place, year), out var kept))
        {
            return kept;
        }

        var residents = Population(PopulationKind.Resident, region, year).Value.BySex!;
        return Keep(_deaths, (place, year), Split(new PopulationByAgeSex(
            ExpectedDeaths(residents.Male, _projection.Mortality(year, Sex.Male)),
            ExpectedDeaths(residents.Female, _projection.Mortality(year, Sex.Female)))), ProvenanceOf(place, year));
    }

    /// <summary>A projection holds no education counts: always missing.</summary>
    public DataResult<EducationCounts> Education(string region, int year) =>
        DataResult<EducationCounts>.Missing(MissingData.Education(_catalogue.Regions.NameOf(region), year));

    /// <summary>Graduates and graduates retained of the city in the projected years (the scenario's levels).</summary>
    public DataResult<double> Series(string name, string region, int year)
    {
        var levels = _places.TryFind(region, out var place) && place == _places.City && year > _projection.BaseYear && year <= _projection.LastYear
            ? _projection.Levels(year)
            : null;
        return (levels, name) switch
        {
            (not null, ScalarSeries.Graduates) => DataResult<double>.Found(levels.Graduates, ProvenanceOf(place, year)),
            (not null, ScalarSeries.GraduatesRetained) => DataResult<double>.Found(levels.GraduatesRetained, ProvenanceOf(place, year)),
            _ => DataResult<double>.Missing(MissingData.Series(name, _catalogue.Regions.NameOf(region), year)),
        };
    }

    /// <summary>A projection holds no reported figures: always missing.</summary>
    public DataResult<ReportedValue> Reported(string indicatorId, string region, int year) =>
        DataResult<ReportedValue>.Missing(MissingData.Reported(indicatorId, _catalogue.Regions.NameOf(region), year));

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
        var calculator = new IndicatorCalculator(catalogue, new ScenarioIndicatorData(projection, catalogue));
        var result = new ProjectedIndicators(projection.Scenario.Name, catalogue.Regions, projection.Scenario.LabelZh);
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

    /// <summary>Whether a projection's figures can give <paramref name="formula"/> for <paramref name="region"/> at all: not
    /// when it asks for registered population or education, which a projection does not hold, for a series other than
    /// the city's graduates, or for a region that is neither a place of the projection nor made of such places (a
    /// grouping of streets). A formula that can may still be missing in a year (a zero denominator).</summary>
    /// <param name="formula">The formula.</param>
    /// <param name="region">The region it is evaluated for (a code or name).</param>
    /// <param name="places">The places of the projection's model.</param>
    internal static bool CanGive(Formula formula, string region, ScenarioPlaces places) =>
        formula.Calls.All(c =>
        {
            var at = c.Region ?? region;
            return c.Function switch
            {
                FormulaFunction.RegPop or FormulaFunction.Edu or FormulaFunction.Schooling => false,
                FormulaFunction.Series => c.SeriesName is ScalarSeries.Graduates or ScalarSeries.GraduatesRetained && places.TryFind(at, out var place) && place == places.City,
                _ => places.Covers(at),
            };
        });

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

    /// <summary>The figure kept under <paramref name="key"/>, when one was made.</summary>
    private bool TryKept<TKey>(Dictionary<TKey, DataResult<AgeSexCounts>> kept, TKey key, out DataResult<AgeSexCounts> found)
        where TKey : notnull
    {
        lock (_gate)
        {
            return kept.TryGetValue(key, out found);
        }
    }

    /// <summary>Keeps a figure made (outside the lock) when first asked for, and returns it.</summary>
    private DataResult<AgeSexCounts> Keep<TKey>(Dictionary<TKey, DataResult<AgeSexCounts>> kept, TKey key, AgeSexCounts figure, Provenance provenance)
        where TKey : notnull
    {
        var result = DataResult<AgeSexCounts>.Found(figure, provenance);
        lock (_gate)
        {
            kept[key] = result;
        }

        return result;
    }

    private static ScenarioPlaces PlacesOf(ScenarioProjection projection, IndicatorCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(catalogue);
        return new ScenarioPlaces(projection.Model, catalogue.Regions);
    }

    /// <summary>The provenance of a place's figures: the base's source in the base year, the scenario after it; a
    /// grouping's adds that they are sums of its members (kept: a formula asks for it every year).</summary>
    private Provenance ProvenanceOf(int place, int year)
    {
        var isBase = year == _projection.BaseYear;
        ref var kept = ref _provenance[(2 * place) + (isBase ? 1 : 0)];
        if (kept is null)
        {
            var own = isBase ? Provenance.Estimated(_projection.Model.BaseSource) : Provenance.Projected(_projection.Scenario.Name);
            kept = _places.SumNote(place) is { } sum ? own.Combine(sum) : own;
        }

        return kept;
    }

    // The figures below are sums and products of the engine's populations (never negative: it clips), births and the
    // model's checked death rates, so their schedules own the arrays they are summed in, unchecked and uncopied.

    /// <summary>Residents of a place by sex and age (one residence, or both), its counties' states added in state order.</summary>
    private PopulationByAgeSex Residents(int place, int year, int? residence)
    {
        var ages = _projection.Ages;
        var cells = _projection.PopulationAt(year);
        var regions = _places.RegionsOf(place);
        var rows = regions.Length <= 128 ? stackalloc int[2 * regions.Length] : new int[2 * regions.Length];
        var male = Zeroed(ages.Count);
        var female = Zeroed(ages.Count);
        for (var sex = 0; sex < 2; sex++)
        {
            var n = 0;
            foreach (var c in regions)
            {
                for (var r = 0; r < 2; r++)
                {
                    if (residence is null || residence == r)
                    {
                        rows[n++] = _projection.Row(c, r, (Sex)sex) * ages.Count;
                    }
                }
            }

            Kernels.AddRows(cells, rows[..n], sex == 0 ? male : female);
        }

        return new PopulationByAgeSex(PopulationByAge.Trusted(ages, male), PopulationByAge.Trusted(ages, female));
    }

    /// <summary>Births of the year by mother's age (the fertility pattern's ages), split by sex with each state's sex ratio.</summary>
    private PopulationByAgeSex BirthsByMothersAge(int place, int year)
    {
        var model = _projection.Model;
        var fertileAges = model.FertilityPattern.Ages;
        var firstFertile = model.Ages.IndexOf(fertileAges.FirstAge);
        var male = Zeroed(fertileAges.Count);
        var female = Zeroed(fertileAges.Count);
        foreach (var c in _places.RegionsOf(place))
        {
            for (var r = 0; r < 2; r++)
            {
                var byAge = _projection.BirthsByMothersAge(year, c, r);
                var boys = _projection.Births(year, c, r, Sex.Male);
                var all = boys + _projection.Births(year, c, r, Sex.Female);
                var maleShare = all > 0 ? boys / all : 0;
                var mothers = byAge.Slice(firstFertile, fertileAges.Count);
                TensorPrimitives.MultiplyAdd(mothers, maleShare, male, male);
                TensorPrimitives.MultiplyAdd(mothers, 1 - maleShare, female, female);
            }
        }

        return new PopulationByAgeSex(PopulationByAge.Trusted(fertileAges, male), PopulationByAge.Trusted(fertileAges, female));
    }

    private PopulationByAge ExpectedDeaths(PopulationByAge residents, DeathRates mx)
    {
        var deaths = Zeroed(residents.Count);
        TensorPrimitives.Multiply(residents.Values, mx.Values, deaths);
        return PopulationByAge.Trusted(residents.Ages, deaths);
    }

    /// <summary>Counts by sex with their total, summed into an array of this instance.</summary>
    private AgeSexCounts Split(PopulationByAgeSex bySex) => AgeSexCounts.Split(bySex, Zeroed(bySex.Ages.Count));

    /// <summary>An array of zeros for a table: a recycled one, cleared, when there is one of that length.</summary>
    private double[] Zeroed(int length)
    {
        double[]? reused;
        double[] array;
        lock (_gate)
        {
            reused = _free.TryGetValue(length, out var stack) && stack.TryPop(out var free) ? free : null;
            array = reused ?? new double[length]; // a new array is zeros already
            _lent.Add(array);
        }

        if (reused is not null)
        {
            Array.Clear(reused);
        }

        return array;
    }
}
