using System.Data.Common;
using Populus.Storage.Engines;

namespace Populus.Storage.Imports;

/// <summary>The store's regions by code, for validating imported rows.</summary>
internal sealed class RegionIndex
{
    private readonly Dictionary<string, Region> _byCode;

    public RegionIndex(IEnumerable<Region> regions)
    {
        _byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Region> All => _byCode.Values;

    public static RegionIndex Load(DbConnection connection, DbTransaction? transaction) =>
        new(Sql.Query(connection, transaction,
            "SELECT code, name_zh, name_en, level, parent_code, valid_from, valid_to, note FROM region ORDER BY code",
            r => new Region(r.GetString(0), r.GetString(1), r.Text(2), ParseLevel(r.GetString(3)), r.Text(4), r.Date(5), r.Date(6), r.Text(7))));

    public static RegionLevel ParseLevel(string level) => level switch
    {
        "city" => RegionLevel.City,
        "county" => RegionLevel.County,
        _ => RegionLevel.Township,
    };

    public static string LevelCode(RegionLevel level) => level switch
    {
        RegionLevel.City => "city",
        RegionLevel.County => "county",
        _ => "township",
    };

    public bool TryGet(string code, out Region region) => _byCode.TryGetValue(code, out region!);

    /// <summary>Null when the code is known and valid in <paramref name="year"/>; otherwise why not.</summary>
    public string? Problem(string code, int? year)
    {
        if (!_byCode.TryGetValue(code, out var region))
        {
            return "unknown region code (not in the store's region table)";
        }

        if (year is { } y && !region.ValidIn(y))
        {
            var span = $"{region.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"} to {region.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}";
            return $"region {code} ({region.NameZh}) is not valid in {y} (valid {span})";
        }

        return null;
    }

    /// <summary>True when <paramref name="ancestor"/> contains <paramref name="code"/> (following parent codes).</summary>
    public bool Contains(string ancestor, string code)
    {
        var seen = 0;
        while (_byCode.TryGetValue(code, out var region) && region.ParentCode is { } parent && seen++ < 16)
        {
            if (parent == ancestor)
            {
                return true;
            }

            code = parent;
        }

        return false;
    }
}
