namespace Populus.Demography;

/// <summary>When within a projection step net migrants join (or leave) the population.</summary>
/// <remarks>
/// WPP's CCMPP adds migrants at the end of an annual step (ccmppWPP mig_assumption "end"); Preston, Heuveline &amp;
/// Guillot (2001, Box 6.2) add half at the start and half at the end of a five-year step, so that the migrants who
/// arrive early are exposed to mortality and fertility within the step.
/// </remarks>
public enum MigrationTiming
{
    /// <summary>All migrants are added after survival and births (no exposure within the step).</summary>
    End,

    /// <summary>All migrants are added before survival, and are exposed to the step's mortality and fertility.</summary>
    Start,

    /// <summary>Half at the start and half at the end of the step.</summary>
    HalfHalf,
}
