using System.Collections.Immutable;

namespace Populus.Demography.Stochastic;

/// <summary>
/// The outcome of N stochastic trajectories: for every output year, unit (each state, and their sum when there are
/// several) and cell (population by sex and age group, and each <see cref="TrajectoryIndicator"/>), the value of
/// every trajectory, its mean and the quantiles in <see cref="Probabilities"/>.
/// </summary>
/// <remarks>The values are held as <see cref="TrajectoryValues"/>; <see cref="Dispose"/> returns their memory for the
/// next run to reuse, after which means and quantiles can still be read but the values cannot.</remarks>
public sealed class TrajectoryResults : IDisposable
{
    /// <summary>2.5, 10, 25, 50, 75, 90 and 97.5%: the median and the 50%, 80% and 95% intervals.</summary>
    public static readonly ImmutableArray<double> Probabilities = [0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975];

    private static readonly int IndicatorCount = Enum.GetValues<TrajectoryIndicator>().Length;

    private readonly TrajectoryValues _values;
    private readonly double[] _mean;
    private readonly double[] _quantiles;

    internal TrajectoryResults(int trajectories, ulong seed, ImmutableArray<int> years, ImmutableArray<string> units, AgeGroups ageGroups,
        TrajectoryValues values, double[] mean, double[] quantiles)
    {
        Trajectories = trajectories;
        Seed = seed;
        Years = years;
        Units = units;
        AgeGroups = ageGroups;
        _values = values;
        _mean = mean;
        _quantiles = quantiles;
    }

    public int Trajectories { get; }

    public ulong Seed { get; }

    /// <summary>Output years (population at the year; flows over the step ending at it).</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>The states in order, then "total" (their sum) when there are several.</summary>
    public ImmutableArray<string> Units { get; }

    /// <summary>The age groups population is summed to.</summary>
    public AgeGroups AgeGroups { get; }

    /// <summary>Values per unit and year: population by sex and age group, then the indicators.</summary>
    internal int CellsPerUnit => 2 * AgeGroups.Count + IndicatorCount;

    internal static int CellsPer(AgeGroups groups) => 2 * groups.Count + IndicatorCount;

    /// <summary>The mean over trajectories of population of one sex and age group.</summary>
    public double Mean(int year, string unit, Sex sex, int ageGroup) => _mean[PopulationCell(year, unit, sex, ageGroup)];

    public double Mean(int year, string unit, TrajectoryIndicator indicator) => _mean[IndicatorCell(year, unit, indicator)];

    /// <summary>The quantile <see cref="Probabilities"/>[<paramref name="q"/>] of population of one sex and age group.</summary>
    public double Quantile(int year, string unit, Sex sex, int ageGroup, int q) => _quantiles[PopulationCell(year, unit, sex, ageGroup) * Probabilities.Length + q];

    public double Quantile(int year, string unit, TrajectoryIndicator indicator, int q) => _quantiles[IndicatorCell(year, unit, indicator) * Probabilities.Length + q];

    /// <summary>The value of every trajectory, in trajectory order (for <c>TargetProbability</c>).</summary>
    /// <exception cref="ObjectDisposedException">The values were released.</exception>
    public double[] Values(int year, string unit, TrajectoryIndicator indicator) => Column(IndicatorCell(year, unit, indicator));

    public double[] Values(int year, string unit, Sex sex, int ageGroup) => Column(PopulationCell(year, unit, sex, ageGroup));

    /// <summary>Population summed over ages of both sexes for every trajectory (the total of <see cref="TrajectoryIndicator.Population"/>).</summary>
    public double[] TotalPopulation(int year, string unit) => Values(year, unit, TrajectoryIndicator.Population);

    /// <summary>Releases the trajectories' values (<see cref="TrajectoryValues.Dispose"/>); the summaries remain.</summary>
    public void Dispose() => _values.Dispose();

    private double[] Column(int cell) => _values.Column(cell);

    internal int PopulationCell(int year, string unit, Sex sex, int ageGroup)
    {
        if ((uint)ageGroup >= (uint)AgeGroups.Count)
        {
            Guard.ThrowRange(nameof(ageGroup), ageGroup, $"must be an index of {AgeGroups}");
        }

        return UnitBase(year, unit) + (int)sex * AgeGroups.Count + ageGroup;
    }

    internal int IndicatorCell(int year, string unit, TrajectoryIndicator indicator) =>
        UnitBase(year, unit) + 2 * AgeGroups.Count + (int)indicator;

    private int UnitBase(int year, string unit)
    {
        var y = Years.IndexOf(year);
        if (y < 0)
        {
            Guard.ThrowRange(nameof(year), year, $"is not an output year ({Years[0]}–{Years[^1]})");
        }

        var u = Units.IndexOf(unit);
        if (u < 0)
        {
            Guard.ThrowArgument(nameof(unit), $"No unit '{unit}'; the units are {string.Join(", ", Units)}.");
        }

        return (y * Units.Length + u) * CellsPerUnit;
    }
}
