using Populus.Planning.Data;
using Populus.Storage;
using Populus.Storage.Services;

namespace Populus.Services.Permits;

/// <summary>
/// Reading a stored electronic permit (its token, or a QR code of it): only an issued permit has one, and every read
/// is audited as <see cref="AuditAction"/> (who, in which role, for what purpose, in which form), because the token
/// lets its bearer show the permit. The API's token and QR endpoints and the command line's `permit show --token` and
/// `permit qr` all read it here, so that neither hands out a token unrecorded.
/// </summary>
public static class ElectronicPermitRead
{
    /// <summary>The audit log's action of a read (GET /api/v1/audit?action=permit-token).</summary>
    public const string AuditAction = "permit-token";

    /// <summary>The role recorded for a read made on the command line, which has no account.</summary>
    public const string CommandLineRole = "command-line";

    /// <param name="form">What was handed out: token, qr.png or qr.svg.</param>
    /// <exception cref="ServiceRefusedException">The permit has no electronic permit (it is not issued); nothing is recorded.</exception>
    public static string Token(IPopulusStore store, PermitRecord permit, string account, string role, string? purpose, string form)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(permit);
        var token = permit.Token ?? throw new ServiceRefusedException(new Reason(
            $"Permit {permit.PermitId} is {permit.State}: only an issued permit has an electronic permit.",
            $"居住证 {permit.PermitId} {(Enum.TryParse<PermitState>(permit.State, ignoreCase: true, out var state) ? PermitWords.Chinese(state) : permit.State)}：只有已签发的居住证才有电子证照"));
        store.Accounts.AppendAudit(account, role, AuditAction, $"permit {permit.PermitId}", string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim(), form);
        return token;
    }
}
