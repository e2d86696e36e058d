using System.Data.Common;
using System.Text.Json;
using Populus.Storage.Engines;
using Populus.Storage.Imports;
using Populus.Storage.Tabular;

namespace Populus.Storage.Accounts;

/// <summary><see cref="IAccountStore"/> in the store's own tables, on either engine.</summary>
internal sealed class AccountStore(Engine engine) : IAccountStore
{
    private const string AccountColumns = "id, user_name, display_name, role, region_code, data_kinds, created_at, disabled, session_version";

    public int AccountCount() => Read((c, t) => Convert.ToInt32(Sql.Scalar(c, t, "SELECT COUNT(*) FROM account"), System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<Account> Accounts() => Read((c, t) => Sql.Query(c, t, $"SELECT {AccountColumns} FROM account ORDER BY id", Map));

    public Account? FindAccount(string userName) =>
        Read((c, t) => Sql.Query(c, t, $"SELECT {AccountColumns} FROM account WHERE user_name = $1", Map, userName.Trim()).FirstOrDefault());

    public Account? FindAccount(long id) =>
        Read((c, t) => Sql.Query(c, t, $"SELECT {AccountColumns} FROM account WHERE id = $1", Map, id).FirstOrDefault());

    public string? PasswordHash(string userName) =>
        Read((c, t) => Sql.Scalar(c, t, "SELECT password_hash FROM account WHERE user_name = $1 AND NOT disabled", userName.Trim()) as string);

    public Account CreateAccount(NewAccount account, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        var userName = account.UserName?.Trim() ?? "";
        if (userName.Length is 0 or > 64 || userName.Any(char.IsWhiteSpace))
        {
            throw new AccountRefusedException(new($"user name '{userName}': 1 to 64 characters without spaces.", $"用户名“{userName}”：应为 1–64 个字符，不含空格"));
        }

        var kinds = (account.DataKinds ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (account.Role == AccountRole.DataProvider)
        {
            var unknown = kinds.Where(k => ImportKinds.Find(k) is null).ToList();
            if (kinds.Count == 0 || unknown.Count > 0)
            {
                var all = string.Join(", ", ImportKinds.All.Select(k => k.Name));
                throw new AccountRefusedException(new(
                    $"a data provider needs one or more import kinds of {all}" + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : ""),
                    $"数据报送部门需要一个或多个可导入数据类型（{all}）" + (unknown.Count > 0 ? $"；未知类型：{string.Join(", ", unknown)}" : "")));
            }
        }
        else if (kinds.Count > 0)
        {
            throw new AccountRefusedException(new("only a data provider has import kinds.", "只有数据报送部门有可导入数据类型"));
        }

        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction();
        using var writer = engine.AcquireWriterLock(connection, transaction);
        if (account.Role == AccountRole.CountyViewer)
        {
            var level = account.RegionCode is null ? null
                : Sql.Scalar(connection, transaction, "SELECT level FROM region WHERE code = $1", account.RegionCode) as string;
            if (level != "county")
            {
                throw new AccountRefusedException(new($"a county viewer needs the code of a county-level unit of the region table; '{account.RegionCode}' is not one.",
                    $"区县查阅人员需要地区表中一个县级单位的代码；“{account.RegionCode}”不是"));
            }
        }
        else if (account.RegionCode is not null)
        {
            throw new AccountRefusedException(new("only a county viewer is limited to a region.", "只有区县查阅人员限定于一个地区"));
        }

        if (Sql.Scalar(connection, transaction, "SELECT COUNT(*) FROM account WHERE user_name = $1", userName) is { } n && Convert.ToInt64(n, System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            throw new AccountRefusedException(new($"user name '{userName}' is taken.", $"用户名“{userName}”已被使用"));
        }

        Sql.Execute(connection, transaction,
            "INSERT INTO account (user_name, display_name, role, region_code, data_kinds, password_hash, created_at, disabled, session_version) VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, 0)",
            userName, string.IsNullOrWhiteSpace(account.DisplayName) ? userName : account.DisplayName.Trim(), account.Role.Code(), account.RegionCode,
            kinds.Count == 0 ? null : string.Join(';', kinds), passwordHash, Sql.UtcNow());
        var stored = Sql.Query(connection, transaction, $"SELECT {AccountColumns} FROM account WHERE user_name = $1", Map, userName).Single();
        transaction.Commit();
        return stored;
    }

    public void SetPasswordHash(long accountId, string passwordHash) =>
        Write((c, t) => Sql.Execute(c, t, "UPDATE account SET password_hash = $2, session_version = session_version + 1 WHERE id = $1", accountId, passwordHash));

    public void SetDisabled(long accountId, bool disabled) =>
        Write((c, t) => Sql.Execute(c, t, "UPDATE account SET disabled = $2, session_version = session_version + 1 WHERE id = $1", accountId, disabled));

    public void AddToken(long accountId, string tokenSha256, string name, DateTime expiresAtUtc) =>
        Write((c, t) => Sql.Execute(c, t,
            "INSERT INTO access_token (token_sha256, account_id, name, created_at, expires_at, revoked) VALUES ($1, $2, $3, $4, $5, FALSE)",
            tokenSha256, accountId, name, Sql.UtcNow(), DateTime.SpecifyKind(expiresAtUtc, DateTimeKind.Unspecified)));

    public Account? FindByToken(string tokenSha256, DateTime nowUtc) => Read((c, t) => Sql.Query(c, t,
        $"SELECT {string.Join(", ", AccountColumns.Split(", ").Select(x => "a." + x))} FROM access_token k JOIN account a ON a.id = k.account_id " +
        "WHERE k.token_sha256 = $1 AND NOT k.revoked AND k.expires_at > $2 AND NOT a.disabled",
        Map, tokenSha256, DateTime.SpecifyKind(nowUtc, DateTimeKind.Unspecified)).FirstOrDefault());

    public void RevokeToken(string tokenSha256) =>
        Write((c, t) => Sql.Execute(c, t, "UPDATE access_token SET revoked = TRUE WHERE token_sha256 = $1", tokenSha256));

    public AuditEntry AppendAudit(string account, string role, string action, string subject, string? purpose, string? detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var at = Sql.UtcNow();
        return Write((c, t) =>
        {
            var id = Convert.ToInt64(Sql.Scalar(c, t,
                "INSERT INTO audit_log (occurred_at, account, role, action, subject, purpose, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                at, account, role, action, subject, purpose, detail), System.Globalization.CultureInfo.InvariantCulture);
            return new AuditEntry(id, DateTime.SpecifyKind(at, DateTimeKind.Utc), account, role, action, subject, purpose, detail);
        });
    }

    public AuditPage ReadAudit(AuditFilter? filter = null, long? beforeId = null, int limit = 500)
    {
        filter ??= new AuditFilter();
        var size = Math.Clamp(limit, 1, 10_000);
        // The filter's days are UTC days: from its first instant to the instant after its last day.
        DateTime? Day(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        const string Where = "WHERE (CAST($1 AS TEXT) IS NULL OR account = CAST($1 AS TEXT)) AND (CAST($2 AS TEXT) IS NULL OR action = CAST($2 AS TEXT)) " +
                             "AND (CAST($3 AS TIMESTAMP) IS NULL OR occurred_at >= CAST($3 AS TIMESTAMP)) AND (CAST($4 AS TIMESTAMP) IS NULL OR occurred_at < CAST($4 AS TIMESTAMP))";
        object?[] args = [filter.Account, filter.Action, Day(filter.From), Day(filter.To?.AddDays(1))];
        return Read((c, t) =>
        {
            var total = Convert.ToInt32(Sql.Scalar(c, t, $"SELECT COUNT(*) FROM audit_log {Where}", args), System.Globalization.CultureInfo.InvariantCulture);
            // One more than the page, to know whether older entries follow.
            var rows = Sql.Query(c, t,
                $"SELECT id, occurred_at, account, role, action, subject, purpose, detail FROM audit_log {Where} " +
                "AND (CAST($5 AS BIGINT) IS NULL OR id < CAST($5 AS BIGINT)) ORDER BY id DESC LIMIT $6",
                r => new AuditEntry(r.Long(0), DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.Text(6), r.Text(7)),
                [.. args, beforeId, size + 1]);
            return new AuditPage([.. rows.Take(size)], total, rows.Count > size);
        });
    }

    public ImportAttempt RecordImportAttempt(string account, string kind, string fileName, bool accepted, string? batch, int rows, IReadOnlyList<InputError> problems)
    {
        var at = Sql.UtcNow();
        var json = JsonSerializer.Serialize(problems);
        return Write((c, t) =>
        {
            var id = Convert.ToInt64(Sql.Scalar(c, t,
                "INSERT INTO import_attempt (occurred_at, account, kind, file_name, accepted, batch_key, row_count, problems) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                at, account, kind, fileName, accepted, batch, rows, json), System.Globalization.CultureInfo.InvariantCulture);
            return new ImportAttempt(id, DateTime.SpecifyKind(at, DateTimeKind.Utc), account, kind, fileName, accepted, batch, rows, problems);
        });
    }

    public IReadOnlyList<ImportAttempt> ImportAttempts(int limit = 200, string? account = null) => Read((c, t) => Sql.Query(c, t,
        "SELECT id, occurred_at, account, kind, file_name, accepted, batch_key, row_count, problems FROM import_attempt " +
        "WHERE (CAST($2 AS TEXT) IS NULL OR account = CAST($2 AS TEXT)) ORDER BY id DESC LIMIT $1",
        r => new ImportAttempt(r.Long(0), DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetBoolean(5), r.Text(6), r.Int(7) ?? 0, JsonSerializer.Deserialize<List<InputError>>(r.GetString(8)) ?? []),
        Math.Clamp(limit, 1, 10_000), account));

    private static Account Map(DbDataReader r)
    {
        AccountRoles.TryParse(r.GetString(3), out var role);
        var kinds = r.Text(5) is { } k ? k.Split(';', StringSplitOptions.RemoveEmptyEntries) : [];
        return new Account(r.Long(0), r.GetString(1), r.GetString(2), role, r.Text(4), kinds, DateTime.SpecifyKind(r.GetDateTime(6), DateTimeKind.Utc), r.GetBoolean(7), r.Long(8));
    }

    private T Read<T>(Func<DbConnection, DbTransaction, T> read)
    {
        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction(engine.SnapshotIsolation);
        var result = read(connection, transaction);
        transaction.Commit();
        return result;
    }

    private T Write<T>(Func<DbConnection, DbTransaction, T> write)
    {
        using var connection = engine.Connect();
        using var transaction = connection.BeginTransaction();
        var result = write(connection, transaction);
        transaction.Commit();
        return result;
    }
}
