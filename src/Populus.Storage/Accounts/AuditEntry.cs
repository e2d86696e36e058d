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
