using Populus.Planning.Data;

namespace Populus.Services.Permits;

/// <summary>
/// The state machine of a residence permit: apply → issue (or reject); an issued permit is renewed, expires or is
/// revoked; an expired one may be renewed. Every transition returns the new permit and the event for the audit
/// trail; a transition the machine does not allow throws, naming the state and the allowed actions.
/// </summary>
/// <remarks>
/// A permit is valid for <see cref="ValidityYears"/> year from issue or renewal and is renewed in the month before
/// each full year, as the annual endorsement (签注) of China's Interim Regulations on Residence Permits
/// (居住证暂行条例, 2015, art. 14) requires; renewal opens <see cref="RenewalWindowDays"/> days before validity ends.
/// </remarks>
public static class PermitLifecycle
{
    public const int ValidityYears = 1;

    public const int RenewalWindowDays = 30;

    private static readonly Dictionary<PermitState, PermitAction[]> Allowed = new()
    {
        [PermitState.Applied] = [PermitAction.Issue, PermitAction.Reject],
        [PermitState.Issued] = [PermitAction.Renew, PermitAction.Expire, PermitAction.Revoke],
        [PermitState.Expired] = [PermitAction.Renew],
        [PermitState.Rejected] = [],
        [PermitState.Revoked] = [],
    };

    public static (ResidencePermit Permit, PermitEvent Event) Apply(string permitId, string personKey, string maskedId, string city,
        string regionCode, DateTimeOffset at, string actor)
    {
        var day = Day(at);
        var permit = new ResidencePermit(permitId, personKey, maskedId, city, regionCode, PermitState.Applied, day, null, null, 1, null, null);
        return (permit, new PermitEvent(permitId, PermitAction.Apply, null, PermitState.Applied, at, actor, "application received"));
    }

    /// <summary>Issues or renews: new validity from the day (renewal of a permit still valid continues from its end) and a new signed token.</summary>
    public static (ResidencePermit Permit, PermitEvent Event) Issue(ResidencePermit permit, PermitAction action, DateTimeOffset at, string actor,
        Func<ResidencePermit, (string KeyId, string Token)> sign)
    {
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(sign);
        if (action is not (PermitAction.Issue or PermitAction.Renew))
        {
            throw new ArgumentException("Issue covers the actions issue and renew.", nameof(action));
        }

        Check(permit, action);
        var day = Day(at);
        var renewsIssued = action == PermitAction.Renew && permit.State == PermitState.Issued;
        if (renewsIssued && permit.ValidTo!.Value.AddDays(-RenewalWindowDays) is var opens && opens > day)
        {
            throw new InvalidPermitTransitionException(new Reason(
                $"Permit {permit.PermitId} is valid until {permit.ValidTo:yyyy-MM-dd}; it can be renewed from {opens:yyyy-MM-dd}.",
                $"居住证 {permit.PermitId} 有效期至 {permit.ValidTo:yyyy-MM-dd}，自 {opens:yyyy-MM-dd} 起方可续签。"));
        }

        var from = renewsIssued ? permit.ValidTo!.Value.AddDays(1) : day;
        var next = permit with
        {
            State = PermitState.Issued,
            ValidFrom = from,
            ValidTo = from.AddYears(ValidityYears).AddDays(-1),
            Revision = permit.Revision + 1,
        };
        var (keyId, token) = sign(next);
        next = next with { KeyId = keyId, Token = token };
        return (next, new PermitEvent(permit.PermitId, action, permit.State, PermitState.Issued, at, actor,
            $"valid {next.ValidFrom:yyyy-MM-dd} to {next.ValidTo:yyyy-MM-dd}, signed with key {keyId}"));
    }

    public static (ResidencePermit Permit, PermitEvent Event) Reject(ResidencePermit permit, DateTimeOffset at, string actor, string reason) =>
        Move(permit, PermitAction.Reject, PermitState.Rejected, at, actor, Required(reason));

    public static (ResidencePermit Permit, PermitEvent Event) Revoke(ResidencePermit permit, DateTimeOffset at, string actor, string reason) =>
        Move(permit, PermitAction.Revoke, PermitState.Revoked, at, actor, Required(reason));

    /// <summary>Marks an issued permit expired; refused while it is still valid.</summary>
    public static (ResidencePermit Permit, PermitEvent Event) Expire(ResidencePermit permit, DateTimeOffset at, string actor)
    {
        ArgumentNullException.ThrowIfNull(permit);
        Check(permit, PermitAction.Expire);
        if (!Lapsed(permit.ValidTo, Day(at)))
        {
            throw new InvalidPermitTransitionException(new Reason(
                $"Permit {permit.PermitId} is valid until {permit.ValidTo:yyyy-MM-dd}; it has not expired.",
                $"居住证 {permit.PermitId} 有效期至 {permit.ValidTo:yyyy-MM-dd}，尚未到期。"));
        }

        return Move(permit, PermitAction.Expire, PermitState.Expired, at, actor, $"validity ended {permit.ValidTo:yyyy-MM-dd}");
    }

    /// <summary>
    /// Whether a permit valid to <paramref name="validTo"/> has lapsed on <paramref name="day"/>: its last day of validity
    /// is before it. The one rule of expiry: marking a permit expired, reading its state on a day and verifying the
    /// electronic permit all ask it.
    /// </summary>
    public static bool Lapsed(DateOnly? validTo, DateOnly day) => validTo is { } end && end < day;

    /// <summary>
    /// A permit's state on <paramref name="day"/>: as recorded, except that an issued permit that has lapsed by then is
    /// expired, whether or not its expiry has been recorded yet (<see cref="PermitOffice.ExpireDue"/> records it), as a
    /// verifier of its electronic permit finds it that day. States are the stored codes (issued, expired, …).
    /// </summary>
    public static string StateOn(string state, DateOnly? validTo, DateOnly day) =>
        state == "issued" && Lapsed(validTo, day) ? "expired" : state;

    /// <summary>The instant on <paramref name="day"/> at the time of day of <paramref name="now"/> (China Standard Time): what a
    /// check made now would see on that day, so that naming today changes nothing.</summary>
    public static DateTimeOffset At(DateOnly day, DateTimeOffset now) => now.AddDays(day.DayNumber - Day(now).DayNumber);

    /// <summary>The calendar day of an instant in China Standard Time.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(PermitVerifier.ChinaStandardTime).DateTime);

    private static (ResidencePermit, PermitEvent) Move(ResidencePermit permit, PermitAction action, PermitState to, DateTimeOffset at, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(permit);
        Check(permit, action);
        var next = permit with { State = to, Revision = permit.Revision + 1 };
        return (next, new PermitEvent(permit.PermitId, action, permit.State, to, at, actor, reason));
    }

    private static void Check(ResidencePermit permit, PermitAction action)
    {
        var allowed = Allowed[permit.State];
        if (!allowed.Contains(action))
        {
            throw new InvalidPermitTransitionException(allowed.Length == 0
                ? new Reason($"Permit {permit.PermitId} is {permit.State.ToString().ToLowerInvariant()}; nothing more can happen to it.",
                    $"居住证 {permit.PermitId} {PermitWords.Chinese(permit.State)}，不能再办理任何事项。")
                : new Reason($"Permit {permit.PermitId} is {permit.State.ToString().ToLowerInvariant()}: it cannot {action.ToString().ToLowerInvariant()}; allowed: {string.Join(", ", allowed.Select(a => a.ToString().ToLowerInvariant()))}.",
                    $"居住证 {permit.PermitId} {PermitWords.Chinese(permit.State)}，不能{PermitWords.Chinese(action)}；可办理：{string.Join("、", allowed.Select(PermitWords.Chinese))}。"));
        }
    }

    private static string Required(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A reason is required for the audit trail.", nameof(reason)) : reason.Trim();
}

/// <summary>A transition the permit state machine does not allow, worded in English and Chinese (the API's 409 gives the
/// Chinese as <c>detailZh</c>, the command line prints both).</summary>
public sealed class InvalidPermitTransitionException(Reason reason) : RefusedOperationException(reason);
