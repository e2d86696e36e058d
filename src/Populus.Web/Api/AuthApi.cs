using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>Sign-in with a cookie (the cockpit), sign-out, the antiforgery token, the current account, own password.</summary>
internal static class AuthApi
{
    public const string LoginRateLimit = "login";

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapGet("/csrf", Csrf).AllowAnonymous().WithName("GetCsrfToken")
            .WithSummary("Antiforgery token to send as X-CSRF-TOKEN with cookie-authenticated POSTs (fetch again after signing in).");
        group.MapPost("/login", SignIn).AllowAnonymous().RequireRateLimiting(LoginRateLimit).WithName("SignIn")
            .WithSummary("Signs in with user name and password; sets the HttpOnly session cookie. Rate-limited per client address.");
        group.MapPost("/logout", (Delegate)SignOut).RequireAuthorization().WithName("SignOut").WithSummary("Ends the cookie session.");
        group.MapGet("/me", GetMe).AllowAnonymous().WithName("GetCurrentAccount").WithSummary("The signed-in account, its role and scope; 204 when not signed in.");
        group.MapPost("/password", ChangePassword).RequireAuthorization().WithName("ChangePassword")
            .WithSummary("Changes the signed-in account's password and ends its other cookie sessions; the session that asked stays signed in.");
    }

    internal static Ok<CsrfToken> Csrf(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new CsrfToken(tokens.RequestToken!, CsrfProtection.HeaderName));
    }

    internal static async Task<Results<Ok<Me>, ProblemHttpResult>> SignIn(SignInRequest request, HttpContext context, IPopulusStore store,
        IPasswordHasher<Account> hasher, PlanBook plan)
    {
        var userName = request.UserName?.Trim() ?? "";
        var account = userName.Length > 0 ? store.Accounts.FindAccount(userName) : null;
        var hash = account is { Disabled: false } ? store.Accounts.PasswordHash(userName) : null;
        var placeholder = account ?? new Account(0, userName, userName, AccountRole.Auditor, null, [], DateTime.UtcNow, true);
        // Verify against a fixed hash when the account is unknown, so the answer takes as long either way.
        var outcome = hasher.VerifyHashedPassword(placeholder, hash ?? UnknownAccountHash.Value, request.Password ?? "");
        if (account is null || hash is null || outcome == PasswordVerificationResult.Failed)
        {
            return BilingualProblem.Of(StatusCodes.Status401Unauthorized, "Sign-in refused", "The user name or password is wrong, or the account is disabled.",
                "用户名或密码错误，或账户已停用。");
        }

        if (outcome == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // A new hash advances the session version: the session is made from the account as stored after it.
            store.Accounts.SetPasswordHash(account.Id, hasher.HashPassword(account, request.Password!));
            account = store.Accounts.FindAccount(account.Id)!;
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentAccount.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        store.Accounts.AppendAudit(account.UserName, account.Role.Code(), "sign-in", "cockpit", null, context.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(Describe(CurrentAccount.Of(account), store, plan));
    }

    internal static async Task<NoContent> SignOut(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    internal static Results<Ok<Me>, NoContent> GetMe(ClaimsPrincipal user, IPopulusStore store, PlanBook plan) =>
        user.Identity?.IsAuthenticated == true ? TypedResults.Ok(Describe(CurrentAccount.From(user), store, plan)) : TypedResults.NoContent();

    /// <summary>The new hash advances the account's session version, which ends every session signed in before
    /// (a stolen session among them); the asking session gets a cookie of the new version, so its user stays signed in.
    /// Bearer tokens are credentials of their own and keep working (an administrator revokes them).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(PasswordChange request, HttpContext context, IPopulusStore store,
        IPasswordHasher<Account> hasher)
    {
        var user = context.User;
        var me = CurrentAccount.From(user);
        var account = store.Accounts.FindAccount(me.Id)!;
        var hash = store.Accounts.PasswordHash(me.UserName);
        if (hash is null || hasher.VerifyHashedPassword(account, hash, request.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Password not changed", "The current password is wrong.", "当前密码不正确");
        }

        if (request.NewPassword is not { Length: >= 12 })
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Password not changed", "The new password needs at least 12 characters.", "新密码至少需要 12 个字符");
        }

        store.Accounts.SetPasswordHash(me.Id, hasher.HashPassword(account, request.NewPassword));
        store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "password-changed", me.UserName, null, null);
        if (user.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                CurrentAccount.Principal(store.Accounts.FindAccount(me.Id)!, CookieAuthenticationDefaults.AuthenticationScheme));
        }

        return TypedResults.NoContent();
    }

    /// <summary>The account, its role and scope, and the plan's region the cockpit is titled by.</summary>
    internal static Me Describe(CurrentAccount me, IPopulusStore store, PlanBook plan)
    {
        var region = me.RegionCode is { } code ? store.Regions().FirstOrDefault(r => r.Code == code) : null;
        var home = plan.Regions[plan.PlanRegion];
        return new Me(me.UserName, me.DisplayName, me.Role.Code(), me.RegionCode, region?.NameZh, me.DataKinds, Policies.MayUnmask.Contains(me.Role),
            [.. Policies.Roles.Where(p => p.Value.Contains(me.Role)).Select(p => p.Key)], home.Code, home.Name, home.NameEn);
    }

    private static readonly Lazy<string> UnknownAccountHash = new(() =>
        new PasswordHasher<Account>().HashPassword(new Account(0, "-", "-", AccountRole.Auditor, null, [], DateTime.UtcNow, true), Guid.NewGuid().ToString()));

    internal sealed record CsrfToken(string Token, string HeaderName);

    internal sealed record SignInRequest(string? UserName, string? Password);

    internal sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    /// <param name="Policies">The permissions the role grants (read-data, city-work, import, read-audit, manage-accounts).</param>
    /// <param name="PlanRegion">The code of the region the plan is for (the city whose counties the store holds), with its names.</param>
    internal sealed record Me(string UserName, string DisplayName, string Role, string? RegionCode, string? RegionName, IReadOnlyList<string> DataKinds,
        bool MayUnmask, IReadOnlyList<string> Policies, string PlanRegion, string PlanRegionName, string PlanRegionNameEn);
}
