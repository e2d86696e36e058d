namespace Populus.Demography;

/// <summary>Net migrants (immigrants minus emigrants) by age group over a period: a count that may be negative.</summary>
public sealed class NetMigrants : AgeSchedule
{
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public NetMigrants(AgeGroups ages, ReadOnlySpan<double> net)
        : base(ages, net, double.MinValue, double.MaxValue, "net migrants")
    {
    }

    private NetMigrants(AgeGroups ages, double[] net, bool trusted)
        : base(ages, net)
    {
    }

    internal static NetMigrants Trusted(AgeGroups ages, double[] net) => new(ages, net, trusted: true);

    /// <summary>No migration on the given grid.</summary>
    public static NetMigrants None(AgeGroups ages) => new(ages, new double[ages.Count], trusted: true);
}
