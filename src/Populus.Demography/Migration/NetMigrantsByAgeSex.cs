namespace Populus.Demography.Migration;

/// <summary>Net migrants by age and sex on one grid, for one projection step.</summary>
public sealed class NetMigrantsByAgeSex : AgeScheduleBySex<NetMigrants>
{
    /// <exception cref="ArgumentException">The two sexes' age groups differ.</exception>
    public NetMigrantsByAgeSex(NetMigrants male, NetMigrants female)
        : base(male, female, "net migrants by sex")
    {
    }

    /// <summary>No migration.</summary>
    public static NetMigrantsByAgeSex None(AgeGroups ages) => new(NetMigrants.None(ages), NetMigrants.None(ages));
}
