using System.Globalization;
using Populus.Storage.Tabular;

namespace Populus.Storage.Projections;

/// <summary>
/// Compares a probabilistic run's intervals of total population (its quantiles.csv) with WPP 2024's published
/// bounds of projected population (pop_total_projection_dec31.csv), year by year (docs/validation.md
/// "Probabilistic projection of China against WPP's population intervals").
/// </summary>
/// <remarks>
/// WPP's output bounds are a check, never a fitting target: the run's processes are fitted only to the bounds of
/// the inputs [WPP2024]. Our populations stand on 1 July t, WPP's dec31 row t on 1 January t+1, so WPP's 1 July t
/// figures are the mean of rows t−1 and t, as WPP forms its 1 July populations from 1 January ones [WPP2024].
/// </remarks>
public static class WppIntervalComparison
{
    private const string PopulationFile = "pop_total_projection_dec31.csv";

    /// <summary>Total population on 1 July of one year (thousands): 2.5, 10, 50, 90 and 97.5% points.</summary>
    public readonly record struct Interval(double Lower95, double Lower80, double Median, double Upper80, double Upper95)
    {
        public double Width80 => Upper80 - Lower80;

        public double Width95 => Upper95 - Lower95;
    }

    /// <summary>One year: ours, WPP's, and the ratios of our interval widths to WPP's.</summary>
    public readonly record struct Row(int Year, Interval Ours, Interval Wpp)
    {
        public double WidthRatio80 => Ours.Width80 / Wpp.Width80;

        public double WidthRatio95 => Ours.Width95 / Wpp.Width95;
    }

    /// <summary>The years of the run that WPP's bounds cover (rows t−1 and t both published), in order.</summary>
    /// <exception cref="InvalidInputException">A file is missing or malformed, the run has no total population, or
    /// WPP has no bounds for <paramref name="locationCode"/>.</exception>
    public static IReadOnlyList<Row> Compare(string runFolder, string wppFolder, int locationCode)
    {
        var ours = RunPopulation(runFolder);
        var wpp = PublishedBounds(wppFolder, locationCode);
        var rows = ours.Where(o => wpp.ContainsKey(o.Key - 1) && wpp.ContainsKey(o.Key))
            .OrderBy(o => o.Key)
            .Select(o => new Row(o.Key, o.Value, MidYear(wpp[o.Key - 1], wpp[o.Key])))
            .ToList();
        if (rows.Count == 0)
        {
            throw new InvalidInputException(new InputError(Path.Combine(wppFolder, PopulationFile), 0, "year", null,
                $"no year of the run ({ours.Keys.Min()}–{ours.Keys.Max()}) has WPP bounds on the 1 January before and after it"));
        }

        return rows;
    }

    /// <summary>The markdown table of docs/validation.md (thousands shown as millions) and a line of the ratios' ranges.</summary>
    public static void WriteMarkdown(TextWriter w, IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rows);
        static string M(double thousands) => (thousands / 1000).ToString("N1", CultureInfo.InvariantCulture);
        w.WriteLine("| year (1 July) | 95% ours | 95% WPP | 80% ours | 80% WPP | median ours | WPP medium | 80% width ours/WPP | 95% width ours/WPP |");
        w.WriteLine("|---|---|---|---|---|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var (o, p) = (r.Ours, r.Wpp);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Year} | {M(o.Lower95)}–{M(o.Upper95)} | {M(p.Lower95)}–{M(p.Upper95)} | {M(o.Lower80)}–{M(o.Upper80)} | {M(p.Lower80)}–{M(p.Upper80)} | {M(o.Median)} | {M(p.Median)} | {r.WidthRatio80:0.00} | {r.WidthRatio95:0.00} |"));
        }

        w.WriteLine();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"width ratio 80%: min {rows.Min(r => r.WidthRatio80):0.00} max {rows.Max(r => r.WidthRatio80):0.00}; 95%: min {rows.Min(r => r.WidthRatio95):0.00} max {rows.Max(r => r.WidthRatio95):0.00}"));
    }

    private static Interval MidYear(Interval before, Interval after) => new(
        (before.Lower95 + after.Lower95) / 2, (before.Lower80 + after.Lower80) / 2, (before.Median + after.Median) / 2,
        (before.Upper80 + after.Upper80) / 2, (before.Upper95 + after.Upper95) / 2);

    /// <summary>The run's total population by year: the sum of its units ("total") when it has several, else its one unit.</summary>
    private static Dictionary<int, Interval> RunPopulation(string runFolder)
    {
        var path = Path.Combine(runFolder, "quantiles.csv");
        var byUnit = new Dictionary<string, Dictionary<int, Interval>>(StringComparer.Ordinal);
        using (var table = CsvTable.Open(path, "year", "unit", "measure", "q025", "q100", "q500", "q900", "q975"))
        {
            foreach (var r in table.Records().Where(r => r.Text("measure") == "total_population"))
            {
                if (r.Integer("year", 1900, 2300) is { } year && r.RequiredText("unit") is { } unit
                    && r.Number("q025") is { } l95 && r.Number("q100") is { } l80 && r.Number("q500") is { } median
                    && r.Number("q900") is { } u80 && r.Number("q975") is { } u95)
                {
                    if (!byUnit.TryGetValue(unit, out var years))
                    {
                        years = [];
                        byUnit[unit] = years;
                    }

                    years[year] = new Interval(l95, l80, median, u80, u95);
                }
            }

            table.ThrowIfInvalid();
        }

        if (byUnit.TryGetValue("total", out var total))
        {
            return total;
        }

        return byUnit.Count == 1
            ? byUnit.Values.Single()
            : throw new InvalidInputException(new InputError(path, 0, "measure", "total_population",
                byUnit.Count == 0 ? "the run has no total population rows" : "the run has several units and no 'total' row"));
    }

    /// <summary>WPP's published bounds by dec31 row year, in thousands.</summary>
    private static Dictionary<int, Interval> PublishedBounds(string wppFolder, int locationCode)
    {
        var path = Path.Combine(wppFolder, PopulationFile);
        var code = locationCode.ToString(CultureInfo.InvariantCulture);
        var result = new Dictionary<int, Interval>();
        using (var table = CsvTable.Open(path, "location_code", "year", "pop", "pop_80l", "pop_80u", "pop_95l", "pop_95u"))
        {
            foreach (var r in table.Records().Where(r => r.Text("location_code") == code))
            {
                if (r.Integer("year", 1900, 2300) is { } year && r.Number("pop_95l", 0) is { } l95 && r.Number("pop_80l", 0) is { } l80
                    && r.Number("pop", 0) is { } pop && r.Number("pop_80u", 0) is { } u80 && r.Number("pop_95u", 0) is { } u95)
                {
                    result[year] = new Interval(l95, l80, pop, u80, u95);
                }
            }

            table.ThrowIfInvalid();
        }

        return result.Count > 0
            ? result
            : throw new InvalidInputException(new InputError(path, 0, "location_code", code, "WPP publishes no population bounds for this location in this file"));
    }
}
