namespace Populus.Demography;

/// <summary>A population by age group and sex on one grid.</summary>
public sealed class PopulationByAgeSex : AgeScheduleBySex<PopulationByAge>
{
    /// <exception cref="ArgumentException">The two sexes' age groups differ.</exception>
    public PopulationByAgeSex(PopulationByAge male, PopulationByAge female)
        : base(male, female, "population by sex")
    {
    }
}
