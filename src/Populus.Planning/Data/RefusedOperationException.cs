namespace Populus.Planning.Data;

/// <summary>
/// A step refused in the present state (a permit's transition, a closed round, a stale revision), with its reason worded
/// in English and Chinese: the command line prints both, the API answers 409 with the Chinese as <c>detailZh</c>.
/// </summary>
public abstract class RefusedOperationException(Reason reason) : InvalidOperationException(reason.English)
{
    public Reason Reason { get; } = reason;
}
