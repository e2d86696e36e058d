namespace Populus.Storage.Accounts;

/// <summary>One line of the append-only audit log: who read what, when, and why.</summary>
/// <param name="Id">Sequence number (0 before it is stored).</param>
/// <param name="AtUtc">When it happened.</param>
/// <param name="Account">The account's user name.</param>
/// <param name="Role">The account's role code at the time.</param>
/// <param name="Action">What was done, e.g. "unmask", "sign-in", "token-created".</param>
/// <param name="Subject">What it was done to (a person's key, an endpoint and its query).</param>
/// <param name="Purpose">The purpose the request stated (required to unmask personal data).</param>
/// <param name="Detail">Anything else worth keeping (fields unmasked, row count).</param>
public sealed record AuditEntry(long Id, DateTime AtUtc, string Account, string Role, string Action, string Subject, string? Purpose, string? Detail);

/// <summary>Which audit entries to read; each part optional.</summary>
/// <param name="Account">One account's user name.</param>
/// <param name="Action">One action (e.g. "unmask").</param>
/// <param name="From">The first UTC day.</param>
/// <param name="To">The last UTC day (inclusive).</param>
public sealed record AuditFilter(string? Account = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One page of the audit log, newest first.</summary>
/// <param name="Entries">The page's entries.</param>
/// <param name="Total">How many entries the filter selects over all pages.</param>
/// <param name="More">Older entries the filter selects follow this page (read them before the last entry's id).</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, bool More);

/// <summary>One import made through the web, accepted or refused, with every problem of a refused file.</summary>
public sealed record ImportAttempt(
    long Id,
    DateTime AtUtc,
    string Account,
    string Kind,
    string FileName,
    bool Accepted,
    string? Batch,
    int Rows,
    IReadOnlyList<Tabular.InputError> Problems);
