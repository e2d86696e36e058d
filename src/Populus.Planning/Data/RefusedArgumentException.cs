namespace Populus.Planning.Data;

/// <summary>
/// An argument refused with its reason worded in English and Chinese (a goal seek's question, an account, a permit's
/// region): the command line prints both, the API answers 400 with the Chinese as <c>detailZh</c>, so a Chinese page
/// never shows an English refusal.
/// </summary>
public class RefusedArgumentException(Reason reason, string paramName) : ArgumentException(reason.English, paramName)
{
    public Reason Reason { get; } = reason;
}
