namespace Populus.Demography;

/// <summary>A population by age group and sex on one grid.</summary>
public sealed class PopulationByAgeSex
{
    /// <exception cref="ArgumentException">The two sexes' age groups differ.</exception>
    public PopulationByAgeSex(PopulationByAge male, PopulationByAge female)
    {
        Guard.NotNull(male);
        Guard.NotNull(female);
        male.Ages.RequireSame(female.Ages, "population by sex");
        Male = male;
        Female = female;
    }

    public AgeGroups Ages => Male.Ages;

    public PopulationByAge Male { get; }

    public PopulationByAge Female { get; }

    public PopulationByAge this[Sex sex] => sex == Sex.Male ? Male : Female;

    public double Total() => Male.Total() + Female.Total();
}
