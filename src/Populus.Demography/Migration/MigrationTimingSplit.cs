namespace Populus.Demography.Migration;

/// <summary>The parts of a step's net migrants that join at the start and at the end of the step, by <see cref="MigrationTiming"/>.</summary>
/// <remarks>
/// End: all at the end (WPP's CCMPP, ccmppWPP <c>mig_assumption = "end"</c>); Start: all at the start, exposed to the
/// step's mortality and fertility; HalfHalf: half each ([PHG2001] Box 6.2). Start part + end part = the step's
/// migrants exactly, age by age.
/// </remarks>
public static class MigrationTimingSplit
{
    /// <summary>The share of a step's migrants added at its start: 0, 1 or ½.</summary>
    public static double StartShare(this MigrationTiming timing) => timing switch
    {
        MigrationTiming.End => 0.0,
        MigrationTiming.Start => 1.0,
        MigrationTiming.HalfHalf => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(timing), timing, "Unknown migration timing."),
    };

    /// <summary>The migrants added at the start and those added at the end of the step.</summary>
    public static (NetMigrants AtStart, NetMigrants AtEnd) Split(this MigrationTiming timing, NetMigrants stepMigrants)
    {
        Guard.NotNull(stepMigrants);
        var share = timing.StartShare();
        var start = stepMigrants.ToArray();
        var end = stepMigrants.ToArray();
        for (var i = 0; i < start.Length; i++)
        {
            start[i] *= share;
            end[i] -= start[i];
        }

        return (NetMigrants.Trusted(stepMigrants.Ages, start), NetMigrants.Trusted(stepMigrants.Ages, end));
    }

    /// <summary>As <see cref="Split(MigrationTiming, NetMigrants)"/> for both sexes.</summary>
    public static (NetMigrantsByAgeSex AtStart, NetMigrantsByAgeSex AtEnd) Split(this MigrationTiming timing, NetMigrantsByAgeSex stepMigrants)
    {
        Guard.NotNull(stepMigrants);
        var (ms, me) = timing.Split(stepMigrants.Male);
        var (fs, fe) = timing.Split(stepMigrants.Female);
        return (new NetMigrantsByAgeSex(ms, fs), new NetMigrantsByAgeSex(me, fe));
    }
}
