namespace Populus.Demography.Migration;

/// <summary>Net migrants by age and sex on one grid, for one projection step.</summary>
public sealed class NetMigrantsByAgeSex
{
    /// <exception cref="ArgumentException">The two sexes' age groups differ.</exception>
    public NetMigrantsByAgeSex(NetMigrants male, NetMigrants female)
    {
        Guard.NotNull(male);
        Guard.NotNull(female);
        male.Ages.RequireSame(female.Ages, "net migrants by sex");
        Male = male;
        Female = female;
    }

    public AgeGroups Ages => Male.Ages;

    public NetMigrants Male { get; }

    public NetMigrants Female { get; }

    public NetMigrants this[Sex sex] => sex == Sex.Male ? Male : Female;

    /// <summary>Net migrants of both sexes.</summary>
    public double Total() => Male.Total() + Female.Total();

    /// <summary>No migration.</summary>
    public static NetMigrantsByAgeSex None(AgeGroups ages) => new(NetMigrants.None(ages), NetMigrants.None(ages));
}
