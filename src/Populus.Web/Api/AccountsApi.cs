using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Web.Hosting;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>Accounts and bearer tokens (administrators only).</summary>
internal static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireAuthorization(Policies.ManageAccounts);
        group.MapGet("/", List).WithName("ListAccounts").WithSummary("Every account with its role, county and import kinds.");
        group.MapPost("/", Create).WithName("CreateAccount")
            .WithSummary("Makes an account; without a password one is generated and returned once.");
        group.MapPost("/{id:long}/tokens", CreateToken).WithName("CreateToken")
            .WithSummary("Makes a bearer token for a department's system; the token is returned once and stored as its SHA-256.");
        group.MapPost("/{id:long}/disable", Disable).WithName("DisableAccount")
            .WithSummary("Disables an account: no sign-in, its cookie sessions end at once, its tokens are refused. Not one's own account.");
        group.MapPost("/{id:long}/enable", Enable).WithName("EnableAccount")
            .WithSummary("Enables a disabled account: it may sign in again and its unexpired tokens work again; sessions from before stay ended.");
    }

    internal static Ok<IReadOnlyList<AccountView>> List(IPopulusStore store) =>
        TypedResults.Ok((IReadOnlyList<AccountView>)[.. store.Accounts.Accounts().Select(View)]);

    internal static Results<Created<CreatedAccount>, ProblemHttpResult> Create(AccountRequest request, ClaimsPrincipal user, IPopulusStore store,
        IPasswordHasher<Account> hasher)
    {
        if (!AccountRoles.TryParse(request.Role, out var role))
        {
            var roles = string.Join(", ", AccountRoles.All.Select(r => r.Code()));
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Account not created", $"role '{request.Role}': one of {roles}.",
                $"角色“{request.Role}”：应为以下之一：{roles}");
        }

        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? FirstRun.GeneratePassword() : request.Password!;
        if (password.Length < 12)
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Account not created", "A password needs at least 12 characters.", "密码至少需要 12 个字符");
        }

        try
        {
            var placeholder = new Account(0, request.UserName ?? "", "", role, null, [], DateTime.UtcNow, false);
            var account = store.Accounts.CreateAccount(
                new NewAccount(request.UserName ?? "", request.DisplayName ?? request.UserName ?? "", role, request.RegionCode, request.DataKinds),
                hasher.HashPassword(placeholder, password));
            var me = CurrentAccount.From(user);
            store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "account-created", account.UserName, null, role.Code());
            return TypedResults.Created($"/api/v1/accounts/{account.Id}", new CreatedAccount(View(account), generated ? password : null));
        }
        catch (AccountRefusedException ex)
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Account not created", ex.Reason.English, ex.Reason.Chinese);
        }
    }

    internal static Results<Ok<NewToken>, ProblemHttpResult> CreateToken(long id, TokenRequest request, ClaimsPrincipal user, IPopulusStore store,
        TimeProvider clock)
    {
        var account = store.Accounts.FindAccount(id);
        if (account is null)
        {
            return NoAccount(id);
        }

        var days = request.Days ?? 90;
        if (days is < 1 or > 366)
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Token not created", "days: 1 to 366.", "days：应为 1–366 天");
        }

        var token = AccessTokens.NewToken();
        var expires = clock.GetUtcNow().UtcDateTime.AddDays(days);
        store.Accounts.AddToken(id, AccessTokens.Hash(token), string.IsNullOrWhiteSpace(request.Name) ? "token" : request.Name.Trim(), expires);
        var me = CurrentAccount.From(user);
        store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "token-created", account.UserName, null, request.Name);
        return TypedResults.Ok(new NewToken(token, account.UserName, expires));
    }

    internal static Results<NoContent, ProblemHttpResult> Disable(long id, ClaimsPrincipal user, IPopulusStore store)
    {
        // An administrator who disabled itself could lock the city out of its accounts (the first-run administrator may be the only one).
        if (CurrentAccount.From(user).Id == id)
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Account not disabled", "An administrator cannot disable its own account.", "管理员不能停用自己的账户");
        }

        return SetDisabled(id, true, user, store);
    }

    private static ProblemHttpResult NoAccount(long id) =>
        BilingualProblem.Of(StatusCodes.Status404NotFound, "Not found", $"no account {id}", $"没有编号为 {id} 的账户");

    internal static Results<NoContent, ProblemHttpResult> Enable(long id, ClaimsPrincipal user, IPopulusStore store) => SetDisabled(id, false, user, store);

    private static Results<NoContent, ProblemHttpResult> SetDisabled(long id, bool disabled, ClaimsPrincipal user, IPopulusStore store)
    {
        var account = store.Accounts.FindAccount(id);
        if (account is null)
        {
            return NoAccount(id);
        }

        store.Accounts.SetDisabled(id, disabled);
        var me = CurrentAccount.From(user);
        store.Accounts.AppendAudit(me.UserName, me.Role.Code(), disabled ? "account-disabled" : "account-enabled", account.UserName, null, null);
        return TypedResults.NoContent();
    }

    private static AccountView View(Account a) =>
        new(a.Id, a.UserName, a.DisplayName, a.Role.Code(), a.RegionCode, a.DataKinds, a.CreatedAtUtc, a.Disabled);

    internal sealed record AccountView(long Id, string UserName, string DisplayName, string Role, string? RegionCode, IReadOnlyList<string> DataKinds,
        DateTime CreatedAtUtc, bool Disabled);

    internal sealed record AccountRequest(string? UserName, string? DisplayName, string? Role, string? RegionCode, IReadOnlyList<string>? DataKinds, string? Password);

    /// <param name="Password">The generated password (shown once), or null when the request gave one.</param>
    internal sealed record CreatedAccount(AccountView Account, string? Password);

    internal sealed record TokenRequest(string? Name, int? Days);

    /// <param name="Token">Send as "Authorization: Bearer TOKEN". Shown once.</param>
    internal sealed record NewToken(string Token, string Account, DateTime ExpiresAtUtc);
}
