using Populus.Planning.Data;

namespace Populus.Services.Permits;

/// <summary>The Chinese words for a permit's states and actions, as the desk's refusals say them, and the refusal of a
/// permit the records do not hold (the cockpit's pages have their own labels in i18n.js).</summary>
public static class PermitWords
{
    /// <summary>"已签发", "已吊销", …: a state as a predicate of the permit.</summary>
    public static string Chinese(PermitState state) => state switch
    {
        PermitState.Applied => "已申请待签发",
        PermitState.Issued => "已签发",
        PermitState.Rejected => "已驳回",
        PermitState.Expired => "已过期",
        PermitState.Revoked => "已吊销",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>"签发", "续签", …: an action as a verb.</summary>
    public static string Chinese(PermitAction action) => action switch
    {
        PermitAction.Apply => "申请",
        PermitAction.Issue => "签发",
        PermitAction.Reject => "驳回",
        PermitAction.Renew => "续签",
        PermitAction.Expire => "登记期满",
        PermitAction.Revoke => "吊销",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The refusal of a change or reading of a permit the records do not hold.</summary>
    public static Reason NoPermit(string permitId) => new($"No permit {permitId}.", $"没有居住证 {permitId}。");
}
