using System.Globalization;

namespace Populus.Storage.Tests;

/// <summary>Small, valid input files of every kind (the figures are made up; the codes are Wenzhou's).</summary>
public static class Samples
{
    /// <summary>The 6th census day: the store is seeded with published 2020 census figures (a figure is stored once), so samples use 2010.</summary>
    public static readonly DateOnly Census2010 = new(2010, 11, 1);

    /// <summary>Census persons for 鹿城 and 龙湾: totals, and male/female by five-year group 0-4 … 85+.</summary>
    public static (string[] Header, List<string[]> Rows) Census(params (string Region, double Total)[] regions)
    {
        if (regions.Length == 0)
        {
            regions = [("330302", 1_167_164), ("330303", 700_000)];
        }

        var rows = new List<string[]>();
        foreach (var (region, total) in regions)
        {
            rows.Add(["2010-11-01", region, "total", "total", N(total), "observed", "S06"]);
            for (var from = 0; from <= 85; from += 5)
            {
                var label = from == 85 ? "85+" : $"{from}-{from + 4}";
                rows.Add(["2010-11-01", region, "male", label, N(total / 36 + from), "observed", "S06"]);
                rows.Add(["2010-11-01", region, "female", label, N(total / 36 - from), "observed", "S06"]);
            }
        }

        return (["reference_date", "region", "sex", "age", "persons", "figure_kind", "source_id"], rows);
    }

    public static string CensusFile(TestStore store, string name, params (string Region, double Total)[] regions)
    {
        var (header, rows) = Census(regions);
        return TableFiles.Write(store.File(name), header, rows);
    }

    /// <summary>A census file of about <paramref name="rows"/> rows (single ages by sex over township codes).</summary>
    public static string BigCensusFile(TestStore store, IReadOnlyList<string> townships, int rows)
    {
        var lines = new List<string[]>();
        foreach (var code in townships)
        {
            for (var age = 0; age <= 100 && lines.Count < rows; age++)
            {
                var label = age == 100 ? "100+" : age.ToString(CultureInfo.InvariantCulture);
                lines.Add(["2010-11-01", code, "male", label, "100", "observed", "S06"]);
                lines.Add(["2010-11-01", code, "female", label, "99", "observed", "S06"]);
            }
        }

        return TableFiles.Write(store.File("big.csv"), ["reference_date", "region", "sex", "age", "persons", "figure_kind", "source_id"], lines);
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The store's batches other than the ones its migrations seed (the published Wenzhou figures, the base population).</summary>
public static class SeededBatches
{
    public static readonly string[] Keys = ["wenzhou-published", "base-population-2020-11-01"];

    public static IEnumerable<ImportBatch> Imported(this IPopulusStore store) => store.Batches().Where(b => !Keys.Contains(b.Batch));
}
