namespace Populus.Storage;

/// <summary>An administrative unit under its statistical code, valid for a period (codes change with boundaries).</summary>
/// <param name="Code">The NBS statistical division code: 6 digits for city and county units, 9 for townships.</param>
/// <param name="NameZh">The official Chinese name.</param>
/// <param name="NameEn">An English name, when the source gives one.</param>
/// <param name="Level">City, county-level or township-level unit.</param>
/// <param name="ParentCode">The code of the unit it belongs to (null for the top).</param>
/// <param name="ValidFrom">First day the code is valid, or null when it predates the records kept here.</param>
/// <param name="ValidTo">Last day the code is valid, or null while it is current.</param>
/// <param name="Note">Boundary changes and the like.</param>
public sealed record Region(
    string Code,
    string NameZh,
    string? NameEn,
    RegionLevel Level,
    string? ParentCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Note)
{
    /// <summary>True when the code was valid on some day of <paramref name="year"/>.</summary>
    public bool ValidIn(int year) =>
        (ValidFrom is not { } from || from.Year <= year) && (ValidTo is not { } to || to.Year >= year);
}
