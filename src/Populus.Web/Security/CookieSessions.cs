using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Populus.Storage;
using Populus.Storage.Accounts;

namespace Populus.Web.Security;

/// <summary>
/// A cookie session is checked against its account as stored now, on every request (one read by the account's key,
/// as a bearer token is looked up on every request): it ends at once when the account is gone or disabled, when its
/// session version moved since sign-in (a password change, disabling and enabling again), or when its role, county
/// or import kinds differ from the session's. Without this a signed cookie stays valid for its 8 sliding hours
/// whatever happens to the account. The cookie is removed and the refusal audited ("session-refused").
/// </summary>
internal static class CookieSessions
{
    public const string RefusedAction = "session-refused";

    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        CurrentAccount session;
        try
        {
            session = CurrentAccount.From(context.Principal!);
        }
        catch (InvalidOperationException)
        {
            context.RejectPrincipal(); // claims that are no account's (an unknown role code)
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<IPopulusStore>();
        if (Refusal(session, store.Accounts.FindAccount(session.Id)) is not { } reason)
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        store.Accounts.AppendAudit(session.UserName, session.Role.Code(), RefusedAction, "cockpit", null, reason);
    }

    /// <summary>Why the session may not go on with the account as stored, or null when it may.</summary>
    private static string? Refusal(CurrentAccount session, Account? account) => account switch
    {
        null => "the account no longer exists",
        { Disabled: true } => "the account is disabled",
        _ when account.SessionVersion != session.SessionVersion => "the account's password was changed, or it was disabled, since this session signed in",
        _ when account.Role != session.Role || account.RegionCode != session.RegionCode || !account.DataKinds.SequenceEqual(session.DataKinds) =>
            "the account's role, county or import kinds changed since this session signed in",
        _ => null,
    };
}
