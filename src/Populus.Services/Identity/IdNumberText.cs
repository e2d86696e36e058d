namespace Populus.Services.Identity;

/// <summary>
/// The form of an identity number as typed on an application: 17 digits and a check character (0–9 or X), blanks
/// ignored, x read as X. Only the form is checked here; the registry's <c>NationalIdNumber</c>
/// (Populus.Storage.Registry, not yet on main) checks region, birth date and check digit, and takes over this
/// check when it lands.
/// </summary>
public static class IdNumberText
{
    /// <summary>The number in canonical form, or null with the reason.</summary>
    public static string? Normalize(string? text, out string reason)
    {
        reason = "";
        var trimmed = (text ?? "").Trim().ToUpperInvariant();
        if (trimmed.Length == 0)
        {
            reason = "the identity number is required";
            return null;
        }

        if (trimmed.Length != 18 || trimmed.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(trimmed[17]) || trimmed[17] == 'X'))
        {
            reason = "an identity number is 17 digits and a check character (0-9 or X)";
            return null;
        }

        return trimmed;
    }

    /// <summary>The number with its birth date and sequence hidden (330302********123X), safe to show and store.</summary>
    public static string Mask(string normalized) => string.Concat(normalized.AsSpan(0, 6), "********", normalized.AsSpan(14));
}
