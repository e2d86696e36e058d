using Populus.Demography;

namespace Populus.Reports.Charts;

/// <summary>One population to draw as a pyramid, with the name the legend gives it (e.g. "2020年普查").</summary>
public sealed class PyramidSeries
{
    public PyramidSeries(string name, PopulationByAgeSex population)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("name must not be empty.", nameof(name)) : name;
        Population = population ?? throw new ArgumentNullException(nameof(population));
    }

    public string Name { get; }

    public PopulationByAgeSex Population { get; }
}
