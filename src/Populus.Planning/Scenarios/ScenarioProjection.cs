using System.Collections.Immutable;
using System.Numerics.Tensors;
using Populus.Demography;
using Populus.Demography.Projection;

namespace Populus.Planning.Scenarios;

/// <summary>
/// The outcome of one scenario projection: residents by year × region × residence × sex × single age (end of year),
/// births of each calendar year by mother's age and child's sex, the death rates applied, and the levels applied.
/// </summary>
public sealed class ScenarioProjection
{
    private readonly double[] _population;
    private readonly double[] _birthsByAge;
    private readonly double[] _birthsBySex;
    private readonly (DeathRates Male, DeathRates Female)[] _mortality;
    private readonly int _a;
    private readonly int _block;
    private readonly int _cells;
    private readonly int[] _stateOf; // [county][residence]: the state index (the projector's, shared by its projections)

    internal ScenarioProjection(Scenario scenario, ScenarioModel model, StateSpace states, double[] population, double[] birthsByAge,
        double[] birthsBySex, (DeathRates, DeathRates)[] mortality, ScenarioYear[] years, double clipped, int[] stateOf, ScenarioProjection? shared)
    {
        Shared = shared;
        Scenario = scenario;
        Model = model;
        States = states;
        _population = population;
        _birthsByAge = birthsByAge;
        _birthsBySex = birthsBySex;
        _mortality = mortality;
        Years = [.. years];
        TotalClipped = clipped;
        _a = model.Ages.Count;
        _block = 2 * _a;
        _cells = states.Count * _block;
        _stateOf = stateOf;
    }

    public Scenario Scenario { get; }

    /// <summary>The arrays a recycling projection overwrites (<see cref="ScenarioProjector"/>'s internal Project).</summary>
    internal double[] PopulationArray => _population;

    internal double[] BirthsByAgeArray => _birthsByAge;

    internal double[] BirthsBySexArray => _birthsBySex;

    /// <summary>The projection whose years this one copied rather than projected (<see cref="ScenarioProjector"/>'s internal
    /// Project), or null.</summary>
    internal ScenarioProjection? Shared { get; }

    public ScenarioModel Model { get; }

    public StateSpace States { get; }

    public AgeGroups Ages => Model.Ages;

    public int BaseYear => Model.BaseYear;

    public int LastYear => BaseYear + Years.Length;

    /// <summary>The levels applied in each projected year, BaseYear + 1 … LastYear.</summary>
    public ImmutableArray<ScenarioYear> Years { get; }

    /// <summary>Persons added back where a cell would have gone negative (large net emigration from a small region).</summary>
    public double TotalClipped { get; }

    /// <summary>The regions, in state order.</summary>
    public IEnumerable<string> Regions => Model.Counties.Select(c => c.Region);

    /// <summary>The levels applied in <paramref name="year"/>.</summary>
    public ScenarioYear Levels(int year) => Years[StepIndex(year)];

    /// <summary>Residents by age of one region, residence (null = both) and sex at the end of <paramref name="year"/>,
    /// added into <paramref name="into"/>.</summary>
    public void AddPopulation(int year, int county, int? residence, Sex sex, Span<double> into)
    {
        var k = YearIndex(year);
        if ((uint)county >= (uint)Model.Counties.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(county), county, $"the projection has {Model.Counties.Count} regions.");
        }

        if (into.Length < _a)
        {
            throw new ArgumentException($"{into.Length} values to add {_a} ages into.", nameof(into));
        }

        for (var r = 0; r < 2; r++)
        {
            if (residence is { } only && only != r)
            {
                continue;
            }

            var from = _population.AsSpan((k * _cells) + (Row(county, r, sex) * _a), _a);
            TensorPrimitives.Add(into[..from.Length], from, into);
        }
    }

    /// <summary>Residents at the end of <paramref name="year"/> of every state, [state][sex][age] in <see cref="States"/>' order.</summary>
    internal ReadOnlySpan<double> PopulationAt(int year) => _population.AsSpan(YearIndex(year) * _cells, _cells);

    /// <summary>The row of one region, residence (<see cref="ScenarioProjector{T}.Urban"/> or <see cref="ScenarioProjector{T}.Rural"/>)
    /// and sex among a year's [state][sex] rows of ages (<see cref="PopulationAt"/>).</summary>
    internal int Row(int county, int residence, Sex sex) => (_stateOf[(2 * county) + residence] * 2) + (int)sex;

    /// <summary>Residents by age and sex of one region (null = every region) and residence (null = both).</summary>
    public PopulationByAgeSex Population(int year, int? county = null, int? residence = null)
    {
        var male = new double[_a];
        var female = new double[_a];
        for (var c = 0; c < Model.Counties.Count; c++)
        {
            if (county is null || county == c)
            {
                AddPopulation(year, c, residence, Sex.Male, male);
                AddPopulation(year, c, residence, Sex.Female, female);
            }
        }

        return new PopulationByAgeSex(new PopulationByAge(Ages, male), new PopulationByAge(Ages, female));
    }

    /// <summary>Total residents at the end of <paramref name="year"/> (one region or all; one residence or both).</summary>
    public double Total(int year, int? county = null, int? residence = null) => Population(year, county, residence).Total();

    /// <summary>Births in calendar year <paramref name="year"/> to women of one region and residence, by mother's age.</summary>
    public ReadOnlySpan<double> BirthsByMothersAge(int year, int county, int residence) =>
        _birthsByAge.AsSpan(((StepIndex(year) * States.Count) + States.IndexOf(county, residence)) * _a, _a);

    /// <summary>Births of one sex in calendar year <paramref name="year"/> in one region and residence.</summary>
    public double Births(int year, int county, int residence, Sex sex) =>
        _birthsBySex[(((StepIndex(year) * States.Count) + States.IndexOf(county, residence)) * 2) + (int)sex];

    /// <summary>The death rates of one sex applied in <paramref name="year"/>.</summary>
    public DeathRates Mortality(int year, Sex sex) => sex == Sex.Male ? _mortality[StepIndex(year)].Male : _mortality[StepIndex(year)].Female;

    /// <summary>The region's index, or −1.</summary>
    public int IndexOf(string region)
    {
        for (var c = 0; c < Model.Counties.Count; c++)
        {
            if (Model.Counties[c].Region == region)
            {
                return c;
            }
        }

        return -1;
    }

    private int YearIndex(int year)
    {
        if (year < BaseYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the projection covers {BaseYear}–{LastYear}.");
        }

        return year - BaseYear;
    }

    private int StepIndex(int year)
    {
        if (year <= BaseYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the projection's years are {BaseYear + 1}–{LastYear} (events of a calendar year).");
        }

        return year - BaseYear - 1;
    }
}
