using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Populus.Storage;

namespace Populus.Web.Security;

/// <summary>Authenticates "Authorization: Bearer pop_…" by looking up the token's hash in the store.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IPopulusStore store, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = header["Bearer ".Length..].Trim();
        var account = token.Length is > 0 and < 200 ? store.Accounts.FindByToken(AccessTokens.Hash(token), clock.GetUtcNow().UtcDateTime) : null;
        return Task.FromResult(account is null
            ? AuthenticateResult.Fail("The bearer token is unknown, expired, revoked, or its account is disabled.")
            : AuthenticateResult.Success(new AuthenticationTicket(CurrentAccount.Principal(account, SchemeName), SchemeName)));
    }
}
