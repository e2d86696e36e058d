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
            return TypedResults.Problem(title: "Account not created", statusCode: StatusCodes.Status400BadRequest,
                detail: $"role '{request.Role}': one of {string.Join(", ", AccountRoles.All.Select(r => r.Code()))}.");
        }

        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? FirstRun.GeneratePassword() : request.Password!;
        if (password.Length < 12)
        {
            return TypedResults.Problem(title: "Account not created", detail: "A password needs at least 12 characters.", statusCode: StatusCodes.Status400BadRequest);
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
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(title: "Account not created", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    internal static Results<Ok<NewToken>, NotFound, ProblemHttpResult> CreateToken(long id, TokenRequest request, ClaimsPrincipal user, IPopulusStore store,
        TimeProvider clock)
    {
        var account = store.Accounts.FindAccount(id);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        var days = request.Days ?? 90;
        if (days is < 1 or > 366)
        {
            return TypedResults.Problem(title: "Token not created", detail: "days: 1 to 366.", statusCode: StatusCodes.Status400BadRequest);
        }

        var token = AccessTokens.NewToken();
        var expires = clock.GetUtcNow().UtcDateTime.AddDays(days);
        store.Accounts.AddToken(id, AccessTokens.Hash(token), string.IsNullOrWhiteSpace(request.Name) ? "token" : request.Name.Trim(), expires);
        var me = CurrentAccount.From(user);
        store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "token-created", account.UserName, null, request.Name);
        return TypedResults.Ok(new NewToken(token, account.UserName, expires));
    }

    internal static Results<NoContent, NotFound, ProblemHttpResult> Disable(long id, ClaimsPrincipal user, IPopulusStore store)
    {
        // An administrator who disabled itself could lock the city out of its accounts (the first-run administrator may be the only one).
        if (CurrentAccount.From(user).Id == id)
        {
            return TypedResults.Problem(title: "Account not disabled", detail: "An administrator cannot disable its own account.", statusCode: StatusCodes.Status400BadRequest);
        }

        return SetDisabled(id, true, user, store);
    }

    internal static Results<NoContent, NotFound, ProblemHttpResult> Enable(long id, ClaimsPrincipal user, IPopulusStore store) => SetDisabled(id, false, user, store);

    private static Results<NoContent, NotFound, ProblemHttpResult> SetDisabled(long id, bool disabled, ClaimsPrincipal user, IPopulusStore store)
    {
        var account = store.Accounts.FindAccount(id);
        if (account is null)
        {
            return TypedResults.NotFound();
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
