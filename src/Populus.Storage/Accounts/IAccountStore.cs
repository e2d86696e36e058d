namespace Populus.Storage.Accounts;

/// <summary>
/// Accounts, access tokens, the audit log and web import attempts, kept in the store (migration 6). Passwords and
/// tokens arrive already hashed: the store never sees a secret.
/// </summary>
/// <remarks>
/// The audit log is append-only: this interface can add and read entries and has no way to change or remove one
/// (on PostgreSQL a trigger also refuses UPDATE, DELETE and TRUNCATE of audit_log).
/// </remarks>
public interface IAccountStore
{
    /// <summary>How many accounts exist (0 on first run: the host then makes the administrator).</summary>
    int AccountCount();

    IReadOnlyList<Account> Accounts();

    Account? FindAccount(string userName);

    Account? FindAccount(long id);

    /// <summary>The stored password hash of an enabled account, or null.</summary>
    string? PasswordHash(string userName);

    /// <exception cref="ArgumentException">The user name is taken or blank, a county viewer has no valid county code,
    /// another role has one, or a data provider names an unknown import kind.</exception>
    Account CreateAccount(NewAccount account, string passwordHash);

    /// <summary>Stores a new password hash and advances the account's session version, which ends its sessions.</summary>
    void SetPasswordHash(long accountId, string passwordHash);

    /// <summary>Disables or enables the account and advances its session version, which ends its sessions.</summary>
    void SetDisabled(long accountId, bool disabled);

    /// <summary>Stores a token's SHA-256 (hex) for an account until <paramref name="expiresAtUtc"/>.</summary>
    void AddToken(long accountId, string tokenSha256, string name, DateTime expiresAtUtc);

    /// <summary>The enabled account owning an unexpired, unrevoked token, or null.</summary>
    Account? FindByToken(string tokenSha256, DateTime nowUtc);

    void RevokeToken(string tokenSha256);

    /// <summary>Appends an entry (its id and time are set by the store) and returns it as stored.</summary>
    AuditEntry AppendAudit(string account, string role, string action, string subject, string? purpose, string? detail);

    /// <summary>A page of the entries <paramref name="filter"/> selects (default: all), newest first: at most
    /// <paramref name="limit"/> (1–10,000), older than the entry <paramref name="beforeId"/> when given.</summary>
    AuditPage ReadAudit(AuditFilter? filter = null, long? beforeId = null, int limit = 500);

    /// <summary>Records an import made through the web (accepted or refused) with its problems.</summary>
    ImportAttempt RecordImportAttempt(string account, string kind, string fileName, bool accepted, string? batch, int rows,
        IReadOnlyList<Tabular.InputError> problems);

    /// <summary>Import attempts newest first; a data provider sees only its own (<paramref name="account"/>).</summary>
    IReadOnlyList<ImportAttempt> ImportAttempts(int limit = 200, string? account = null);
}
