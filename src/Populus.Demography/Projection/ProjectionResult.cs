using System.Collections.Immutable;

namespace Populus.Demography.Projection;

/// <summary>
/// The outcome of a cohort-component projection: population by year × state × sex × age, births by state and sex,
/// and (as requested by <see cref="ProjectionOutputs"/>) deaths, migrants and births by mother's age for each step.
/// </summary>
/// <remarks>
/// Each quantity is one contiguous array laid out [year or step][state][sex][age] (sex: male, female), so a state's
/// age profile is a span and a whole year is one block. Flows are indexed by the step's start year; deaths, migrants
/// and transfers are indexed by the age group the cohort reaches at the end of the step (index 0: the step's births).
/// Immutable: the arrays are owned by the result and exposed read-only.
/// </remarks>
public sealed class ProjectionResult
{
    private readonly double[] _population;
    private readonly int[]? _populationSlots;
    private readonly double[] _births;
    private readonly double[]? _deaths;
    private readonly double[]? _external;
    private readonly double[]? _transfersIn;
    private readonly double[]? _transfersOut;
    private readonly double[]? _birthsByMothersAge;
    private readonly int _block;

    internal ProjectionResult(
        StateSpace states,
        AgeGroups ages,
        int startYear,
        int stepCount,
        ProjectionOutputs outputs,
        double[] population,
        int[]? populationSlots,
        double[] births,
        double[]? deaths,
        double[]? external,
        double[]? transfersIn,
        double[]? transfersOut,
        double[]? birthsByMothersAge,
        ImmutableArray<ClippedCount> clipped)
    {
        States = states;
        Ages = ages;
        StepLength = ProjectionGrid.StepLength(ages);
        StartYear = startYear;
        StepCount = stepCount;
        Outputs = outputs;
        _population = population;
        _populationSlots = populationSlots;
        _births = births;
        _deaths = deaths;
        _external = external;
        _transfersIn = transfersIn;
        _transfersOut = transfersOut;
        _birthsByMothersAge = birthsByMothersAge;
        _block = 2 * ages.Count;
        Clipped = clipped;
        var total = 0.0;
        foreach (var c in clipped)
        {
            total += c.Persons;
        }

        TotalClipped = total;
    }

    public StateSpace States { get; }

    public AgeGroups Ages { get; }

    /// <summary>n: years per step, equal to the age-group width.</summary>
    public int StepLength { get; }

    /// <summary>The year of the initial population.</summary>
    public int StartYear { get; }

    public int StepCount { get; }

    /// <summary>The year of the last projected population.</summary>
    public int EndYear => StartYear + StepCount * StepLength;

    public ProjectionOutputs Outputs { get; }

    /// <summary>Population years: StartYear, StartYear + n, …, EndYear.</summary>
    public ImmutableArray<int> Years => [.. Enumerable.Range(0, StepCount + 1).Select(k => StartYear + k * StepLength)];

    /// <summary>Every cell clipped at zero, by step start year, state, sex and age (several clips of one cell in a step are summed).</summary>
    public ImmutableArray<ClippedCount> Clipped { get; }

    /// <summary>All persons added back by clipping over the projection.</summary>
    public double TotalClipped { get; }

    /// <summary>The population array of the kept years, [year][state][sex][age].</summary>
    public ReadOnlySpan<double> PopulationData => _population;

    /// <summary>The years whose population was kept: every population year unless the projection was asked for some.</summary>
    public ImmutableArray<int> PopulationYears => [.. Years.Where((_, k) => _populationSlots is null || _populationSlots[k] >= 0)];

    /// <summary>Population by age of one state and sex in <paramref name="year"/>.</summary>
    public ReadOnlySpan<double> Population(int year, int state, Sex sex) =>
        _population.AsSpan(Offset(PopulationSlot(year), state, sex), Ages.Count);

    /// <summary>Population by age and sex of one state in <paramref name="year"/>, as a domain value.</summary>
    public PopulationByAgeSex PopulationByAgeSex(int year, int state) =>
        new(PopulationByAge.Trusted(Ages, Population(year, state, Sex.Male).ToArray()),
            PopulationByAge.Trusted(Ages, Population(year, state, Sex.Female).ToArray()));

    /// <summary>Total population of one state in <paramref name="year"/>.</summary>
    public double TotalPopulation(int year, int state) => Sum(_population.AsSpan(Offset(PopulationSlot(year), state, Sex.Male), _block));

    /// <summary>Total population of all states in <paramref name="year"/>.</summary>
    public double TotalPopulation(int year) => Sum(_population.AsSpan(PopulationSlot(year) * States.Count * _block, States.Count * _block));

    /// <summary>Births of one sex placed in <paramref name="state"/> during the step starting in <paramref name="year"/>.</summary>
    public double Births(int year, int state, Sex sex)
    {
        States.CheckState(state);
        return _births[(StepIndex(year) * States.Count + state) * 2 + (int)sex];
    }

    /// <summary>Births by mother's age group to women of <paramref name="state"/> during the step starting in <paramref name="year"/>.</summary>
    public ReadOnlySpan<double> BirthsByMothersAge(int year, int state)
    {
        var data = Require(_birthsByMothersAge, ProjectionOutputs.BirthsByMothersAge);
        States.CheckState(state);
        return data.AsSpan((StepIndex(year) * States.Count + state) * Ages.Count, Ages.Count);
    }

    /// <summary>Deaths during the step starting in <paramref name="year"/>, by the age group the cohort reaches at its end (index 0: deaths among the step's births).</summary>
    public ReadOnlySpan<double> Deaths(int year, int state, Sex sex) => Flow(_deaths, ProjectionOutputs.Deaths, year, state, sex);

    /// <summary>External net migrants of the step, as given.</summary>
    public ReadOnlySpan<double> NetExternalMigrants(int year, int state, Sex sex) => Flow(_external, ProjectionOutputs.Migration, year, state, sex);

    /// <summary>Persons entering <paramref name="state"/> from other states during the step (internal migration, reclassification).</summary>
    public ReadOnlySpan<double> TransfersIn(int year, int state, Sex sex) => Flow(_transfersIn, ProjectionOutputs.Migration, year, state, sex);

    /// <summary>Persons leaving <paramref name="state"/> for other states during the step.</summary>
    public ReadOnlySpan<double> TransfersOut(int year, int state, Sex sex) => Flow(_transfersOut, ProjectionOutputs.Migration, year, state, sex);

    /// <summary>Persons clipped in the step starting in <paramref name="year"/>, all states.</summary>
    public double ClippedIn(int year)
    {
        StepIndex(year);
        return Clipped.Where(c => c.Year == year).Sum(c => c.Persons);
    }

    /// <summary>The components of change of one state over the step starting in <paramref name="year"/>.</summary>
    /// <exception cref="InvalidOperationException">Deaths or migration were not recorded.</exception>
    public StepBalance Balance(int year, int state)
    {
        var k = StepIndex(year);
        States.CheckState(state);
        var deaths = Require(_deaths, ProjectionOutputs.Deaths);
        var external = Require(_external, ProjectionOutputs.Migration);
        var block = (k * States.Count + state) * _block;
        var clipped = 0.0;
        foreach (var c in Clipped)
        {
            if (c.Year == year && c.State == state)
            {
                clipped += c.Persons;
            }
        }

        return new StepBalance(
            TotalPopulation(year, state),
            Births(year, state, Sex.Male) + Births(year, state, Sex.Female),
            Sum(deaths.AsSpan(block, _block)),
            Sum(external.AsSpan(block, _block)),
            Sum(Require(_transfersIn, ProjectionOutputs.Migration).AsSpan(block, _block)),
            Sum(Require(_transfersOut, ProjectionOutputs.Migration).AsSpan(block, _block)),
            clipped,
            TotalPopulation(year + StepLength, state));
    }

    /// <summary>The components of change of all states together over the step starting in <paramref name="year"/>.</summary>
    public StepBalance Balance(int year)
    {
        var total = new StepBalance();
        for (var s = 0; s < States.Count; s++)
        {
            var b = Balance(year, s);
            total = new StepBalance(
                total.PopulationStart + b.PopulationStart,
                total.Births + b.Births,
                total.Deaths + b.Deaths,
                total.NetExternalMigrants + b.NetExternalMigrants,
                total.TransfersIn + b.TransfersIn,
                total.TransfersOut + b.TransfersOut,
                total.Clipped + b.Clipped,
                total.PopulationEnd + b.PopulationEnd);
        }

        return total;
    }

    private ReadOnlySpan<double> Flow(double[]? data, ProjectionOutputs output, int year, int state, Sex sex) =>
        Require(data, output).AsSpan(Offset(StepIndex(year), state, sex), Ages.Count);

    private static double[] Require(double[]? data, ProjectionOutputs output) =>
        data ?? throw new InvalidOperationException($"The projection did not record {output}; ask for ProjectionOutputs.{output}.");

    private int Offset(int index, int state, Sex sex)
    {
        States.CheckState(state);
        return (index * States.Count + state) * _block + (int)sex * Ages.Count;
    }

    private int YearIndex(int year)
    {
        var k = year - StartYear;
        if (k < 0 || k % StepLength != 0 || k / StepLength > StepCount)
        {
            Guard.ThrowRange(nameof(year), year, $"is not a projection year ({StartYear}, {StartYear + StepLength}, …, {EndYear})");
        }

        return k / StepLength;
    }

    /// <summary>Where the population of <paramref name="year"/> is in the kept array.</summary>
    private int PopulationSlot(int year)
    {
        var k = YearIndex(year);
        if (_populationSlots is null)
        {
            return k;
        }

        if (_populationSlots[k] < 0)
        {
            Guard.ThrowRange(nameof(year), year, $"was not kept (kept: {string.Join(", ", PopulationYears)})");
        }

        return _populationSlots[k];
    }

    private int StepIndex(int year)
    {
        var k = YearIndex(year);
        if (k == StepCount)
        {
            Guard.ThrowRange(nameof(year), year, $"starts no step (steps start {StartYear} … {EndYear - StepLength})");
        }

        return k;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var s = 0.0;
        foreach (var v in values)
        {
            s += v;
        }

        return s;
    }
}
