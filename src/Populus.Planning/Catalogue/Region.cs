namespace Populus.Planning.Catalogue;

/// <summary>A region or grouping the platform knows, as the store holds it (the one source of regions and groupings).</summary>
/// <param name="Code">Its key: the GB/T 2260 / NBS statistical code (330300, 330302, 330302001); a grouping, which has no
/// code, is keyed by its name (中心城区, 浙江省).</param>
/// <param name="Name">Its Chinese name, for display and for catalogue files written by hand (温州市, 鹿城区).</param>
/// <param name="NameEn">An English name (the Chinese name when none is known).</param>
/// <param name="Kind">province, city, district, county, county-level-city, township, zone or grouping.</param>
/// <param name="Parent">The code of the region it lies in, or null.</param>
/// <param name="Members">For a grouping, the codes of the regions whose sum it is; empty otherwise (and for a zone whose members are not known).</param>
/// <param name="Note">Why it is what it is (membership, boundary changes).</param>
public sealed record Region(string Code, string Name, string NameEn, string Kind, string? Parent, IReadOnlyList<string> Members, string Note);
