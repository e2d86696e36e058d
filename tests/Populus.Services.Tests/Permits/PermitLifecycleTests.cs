using Populus.Services.Permits;

namespace Populus.Services.Tests.Permits;

public class PermitLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static (string, string) Sign(ResidencePermit p) => ("kid", $"token-{p.Revision}");

    private static ResidencePermit Applied() => PermitLifecycle.Apply("P1", "key", "330302********123X", "330300", "330302", T0, "clerk").Permit;

    [Fact]
    public void IssueRenewExpireRevoke_FollowTheMachine_AndEveryStepIsAnEvent()
    {
        var (issued, e1) = PermitLifecycle.Issue(Applied(), PermitAction.Issue, T0, "clerk", Sign);
        Assert.Equal(PermitState.Issued, issued.State);
        Assert.Equal(new DateOnly(2025, 3, 1), issued.ValidFrom);
        Assert.Equal(new DateOnly(2026, 2, 28), issued.ValidTo);
        Assert.Equal((PermitState.Applied, PermitState.Issued, "clerk"), (e1.From!.Value, e1.To, e1.Actor));

        // Renewal opens 30 days before the end and continues from it.
        Assert.Throws<InvalidPermitTransitionException>(() => PermitLifecycle.Issue(issued, PermitAction.Renew, T0.AddDays(300), "clerk", Sign));
        var (renewed, _) = PermitLifecycle.Issue(issued, PermitAction.Renew, T0.AddDays(340), "clerk", Sign);
        Assert.Equal(new DateOnly(2026, 3, 1), renewed.ValidFrom);
        Assert.Equal(3, renewed.Revision);

        Assert.Throws<InvalidPermitTransitionException>(() => PermitLifecycle.Expire(renewed, T0.AddDays(400), "system"));
        var (expired, _) = PermitLifecycle.Expire(renewed, T0.AddDays(800), "system");
        Assert.Equal(PermitState.Expired, expired.State);
        var (again, _) = PermitLifecycle.Issue(expired, PermitAction.Renew, T0.AddDays(800), "clerk", Sign);
        Assert.Equal(PermitLifecycle.Day(T0.AddDays(800)), again.ValidFrom);

        var (revoked, e) = PermitLifecycle.Revoke(again, T0.AddDays(801), "officer", "false residence registration");
        Assert.Equal("false residence registration", e.Reason);
        var ex = Assert.Throws<InvalidPermitTransitionException>(() => PermitLifecycle.Issue(revoked, PermitAction.Renew, T0.AddDays(802), "clerk", Sign));
        Assert.Contains("revoked; nothing more", ex.Message);
    }

    [Fact]
    public void AnApplication_CannotBeRevokedOrRenewed_OnlyIssuedOrRejected()
    {
        var ex = Assert.Throws<InvalidPermitTransitionException>(() => PermitLifecycle.Revoke(Applied(), T0, "x", "y"));
        Assert.Contains("allowed: issue, reject", ex.Message);
        Assert.Throws<ArgumentException>(() => PermitLifecycle.Reject(Applied(), T0, "x", " "));
    }
}
