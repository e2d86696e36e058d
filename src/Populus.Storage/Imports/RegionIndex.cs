using System.Data.Common;
using Populus.Planning.Data;
using Populus.Storage.Engines;

namespace Populus.Storage.Imports;

/// <summary>The store's regions by code, for validating imported rows.</summary>
internal sealed class RegionIndex
{
    private readonly Dictionary<string, Region> _byCode;

    private readonly Lazy<string> _planRegion;

    public RegionIndex(IEnumerable<Region> regions)
    {
        _byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _planRegion = new(FindPlanRegion);
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

    /// <summary>
    /// The code of the region the store's plan is for: the one current city whose current county-level units the store
    /// holds (a province's other cities are stored for comparison, without theirs). The seeded region codes decide it
    /// (data/wenzhou/county_units_codes.csv for the embedded data), so no city is assumed in the code.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store holds no such city, or several.</exception>
    public string PlanRegion() => _planRegion.Value;

    private string FindPlanRegion()
    {
        var current = _byCode.Values.Where(r => r.ValidTo is null).ToList();
        var countyParents = current.Where(r => r.Level == RegionLevel.County).Select(r => r.ParentCode).ToHashSet(StringComparer.Ordinal);
        var cities = current.Where(r => r.Level == RegionLevel.City && countyParents.Contains(r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return cities.Count == 1 ? cities[0].Code
            : throw new InvalidOperationException(cities.Count == 0
                ? "no city with county-level units in the store, so no region for the plan (数据库中没有含县级单位的城市，因此没有规划地区)."
                : $"several cities with county-level units in the store ({string.Join(", ", cities.Select(c => $"{c.NameZh} {c.Code}"))}), so no one region for the plan " +
                  $"(数据库中有多个含县级单位的城市，因此没有唯一的规划地区).");
    }

    public bool TryGet(string code, out Region region) => _byCode.TryGetValue(code, out region!);

    /// <summary>The reason for a code the region table does not hold.</summary>
    public static readonly Reason Unknown = new("unknown region code (not in the store's region table)", "未知地区代码（不在数据库的地区表中）");

    /// <summary>Null when the code is known and valid in <paramref name="year"/>; otherwise why not.</summary>
    public Reason? Problem(string code, int? year)
    {
        if (!_byCode.TryGetValue(code, out var region))
        {
            return Unknown;
        }

        if (year is { } y && !region.ValidIn(y))
        {
            string Day(DateOnly? d, string none) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? none;
            return new($"region {code} ({region.NameZh}) is not valid in {y} (valid {Day(region.ValidFrom, "…")} to {Day(region.ValidTo, "now")})",
                $"地区 {code}（{region.NameZh}）在{y}年无效（有效期 {Day(region.ValidFrom, "…")} 至 {Day(region.ValidTo, "今")}）");
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
