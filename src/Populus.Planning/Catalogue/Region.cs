namespace Populus.Planning.Catalogue;

/// <summary>A region or grouping the platform knows: a province, city, county-level unit, zone or grouping.</summary>
/// <param name="Name">Its name as the data use it (温州市, 鹿城区, 中心城区).</param>
/// <param name="Kind">province, city, district, county, county-level-city, zone or grouping.</param>
/// <param name="Parent">The region it lies in, or null.</param>
/// <param name="Members">For a grouping, the regions whose sum it is; empty when its figures come directly from data.</param>
public sealed record Region(string Name, string NameEn, string Kind, string? Parent, IReadOnlyList<string> Members, string Note);
