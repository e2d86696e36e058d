namespace Populus.Web.Security;

/// <summary>
/// How personal data look in a response unless unmasked: an identity number keeps only its first six digits (the
/// issuing region, which the record shows anyway), a birth date only its year. Unmasking needs a role that allows it
/// and a stated purpose, and is written to the audit log (docs/cockpit.md, Personal data).
/// </summary>
internal static class PersonalData
{
    public const string PurposeHeader = "X-Purpose";

    /// <summary>The shortest purpose accepted: a word or two is not a purpose.</summary>
    public const int MinimumPurposeLength = 8;

    public static string MaskNationalId(string id) => id.Length <= 6 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 6);

    public static string MaskBirthDate(DateOnly date) => date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
