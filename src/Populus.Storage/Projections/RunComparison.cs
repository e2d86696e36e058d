using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Populus.Storage.Tabular;

namespace Populus.Storage.Projections;

/// <summary>
/// Two probabilistic runs compared from their folders (<see cref="StochasticRun.Write"/>): what differs in their
/// manifests (seed, trajectories, code version, calibration, inputs…), and measure by measure how far their medians and
/// interval widths lie apart. A run is kept so that it can be reproduced and compared (issue 7 §2, as OpenM++ keeps
/// runs): the same inputs, seed and code version give identical quantiles on any machine and number of threads, which
/// this shows, and a changed seed or assumption shows by how much each figure moves.
/// </summary>
public sealed class RunComparison
{
    private const string QuantilesFile = "quantiles.csv";
    private const string ManifestFile = "manifest.json";

    /// <summary>The manifest keys that differ between any two runs (when each was written).</summary>
    private static readonly string[] AlwaysDiffer = ["created_utc"];

    /// <summary>The quantile columns of quantiles.csv, in the order of <see cref="Figures"/>' values.</summary>
    private static readonly string[] QuantileColumns = ["q025", "q100", "q250", "q500", "q750", "q900", "q975"];

    private RunComparison(IReadOnlyList<ManifestDifference> manifest, IReadOnlyList<RowDifference> rows, int onlyInA, int onlyInB)
    {
        Manifest = manifest;
        Rows = rows;
        OnlyInA = onlyInA;
        OnlyInB = onlyInB;
        Measures = [.. rows.GroupBy(r => r.Key.Measure).Select(g => MeasureDifference.Of(g.Key, [.. g]))];
    }

    /// <summary>A manifest entry (a path such as <c>model.tfr.persistence</c>) whose value differs, or that one run lacks (null).</summary>
    public readonly record struct ManifestDifference(string Key, string? A, string? B);

    /// <summary>A row of quantiles.csv: the year, unit, measure, sex and age group it is of.</summary>
    public readonly record struct RowKey(int Year, string Unit, string Measure, string Sex, string AgeGroup)
    {
        /// <summary>The row within its measure: year, unit, and sex and age group where it has them.</summary>
        public string Where => string.Join(" ", new[] { Year.ToString(CultureInfo.InvariantCulture), Unit, Sex, AgeGroup }.Where(s => s.Length > 0));

        public override string ToString() => $"{Measure} {Where}";
    }

    /// <summary>A row's mean and quantiles (2.5, 10, 25, 50, 75, 90, 97.5%).</summary>
    public readonly record struct Figures(double Mean, double[] Quantiles)
    {
        public double Median => Quantiles[3];

        public double Width80 => Quantiles[5] - Quantiles[1];

        public double Width95 => Quantiles[6] - Quantiles[0];
    }

    /// <summary>A row both runs have, with the figures of each.</summary>
    public readonly record struct RowDifference(RowKey Key, Figures A, Figures B)
    {
        public bool Identical => A.Mean.Equals(B.Mean) && A.Quantiles.AsSpan().SequenceEqual(B.Quantiles);

        public double MedianDifference => B.Median - A.Median;

        /// <summary>The median's difference relative to A's (NaN when A's is 0).</summary>
        public double RelativeMedianDifference => A.Median != 0 ? MedianDifference / Math.Abs(A.Median) : double.NaN;

        /// <summary>B's 80% interval width over A's (NaN when A's is 0).</summary>
        public double WidthRatio80 => A.Width80 > 0 ? B.Width80 / A.Width80 : double.NaN;

        public double WidthRatio95 => A.Width95 > 0 ? B.Width95 / A.Width95 : double.NaN;
    }

    /// <summary>One measure over every row both runs have: how many differ, the largest change of a median and where,
    /// and the range of B's interval widths over A's.</summary>
    public readonly record struct MeasureDifference(string Measure, int Rows, int Differing, RowDifference? Largest,
        (double Min, double Max)? WidthRatio80, (double Min, double Max)? WidthRatio95)
    {
        internal static MeasureDifference Of(string measure, IReadOnlyList<RowDifference> rows)
        {
            static (double, double)? Range(IEnumerable<double> values) =>
                values.Where(double.IsFinite).ToList() is { Count: > 0 } finite ? (finite.Min(), finite.Max()) : null;

            var largest = rows.Where(r => r.MedianDifference != 0).OrderByDescending(r => Math.Abs(r.MedianDifference)).Cast<RowDifference?>().FirstOrDefault();
            return new MeasureDifference(measure, rows.Count, rows.Count(r => !r.Identical), largest,
                Range(rows.Select(r => r.WidthRatio80)), Range(rows.Select(r => r.WidthRatio95)));
        }
    }

    /// <summary>Manifest entries that differ (the time a run was written aside), in key order.</summary>
    public IReadOnlyList<ManifestDifference> Manifest { get; }

    /// <summary>Every row both runs have, in A's order.</summary>
    public IReadOnlyList<RowDifference> Rows { get; }

    /// <summary>Each measure's differences, in the order of A's rows.</summary>
    public IReadOnlyList<MeasureDifference> Measures { get; }

    /// <summary>Rows of A that B lacks (other years or units), and of B that A lacks.</summary>
    public int OnlyInA { get; }

    public int OnlyInB { get; }

    /// <summary>Whether the runs give the same figures: every row in both, each identical to the last digit written.</summary>
    public bool Identical => OnlyInA == 0 && OnlyInB == 0 && Rows.All(r => r.Identical);

    /// <summary>Reads and compares two run folders.</summary>
    /// <exception cref="InvalidInputException">A folder's manifest.json or quantiles.csv is missing or malformed (naming
    /// the file, row, column and value), or a run repeats a row.</exception>
    public static RunComparison Compare(string folderA, string folderB)
    {
        ArgumentNullException.ThrowIfNull(folderA);
        ArgumentNullException.ThrowIfNull(folderB);
        var (manifestA, manifestB) = (ReadManifest(folderA), ReadManifest(folderB));
        var manifest = manifestA.Keys.Union(manifestB.Keys).Where(k => !AlwaysDiffer.Contains(k)).Order(StringComparer.Ordinal)
            .Select(k => new ManifestDifference(k, manifestA.GetValueOrDefault(k), manifestB.GetValueOrDefault(k)))
            .Where(d => d.A != d.B)
            .ToList();
        var (a, b) = (ReadQuantiles(folderA), ReadQuantiles(folderB));
        var rows = a.Where(r => b.ContainsKey(r.Key)).Select(r => new RowDifference(r.Key, r.Value, b[r.Key])).ToList();
        return new RunComparison(manifest, rows, a.Count - rows.Count, b.Count - rows.Count);
    }

    /// <summary>The comparison as markdown: the manifest's differences, then a table of the measures.</summary>
    public void WriteMarkdown(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        static string Text(string? value) => value ?? "(absent)";
        static string Ratio((double Min, double Max)? r) => r is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x.Min:0.000}–{x.Max:0.000}") : "";
        w.WriteLine(Manifest.Count == 0 ? "Manifests: the same (apart from when each run was written)." : "Manifests differ in:");
        foreach (var d in Manifest)
        {
            w.WriteLine($"- {d.Key}: {Text(d.A)} → {Text(d.B)}");
        }

        w.WriteLine();
        var verdict = Identical ? "every figure identical." : string.Create(CultureInfo.InvariantCulture, $"{Rows.Count(r => !r.Identical):N0} rows differ.");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Quantiles: {Rows.Count:N0} rows in both runs, {OnlyInA:N0} only in the first, {OnlyInB:N0} only in the second; {verdict}"));
        if (Identical)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("| measure | rows | rows differing | largest change of a median | where | relative | 80% width second/first | 95% width second/first |");
        w.WriteLine("|---|---:|---:|---:|---|---:|---|---|");
        foreach (var m in Measures)
        {
            var (change, where, relative) = m.Largest is { } l
                ? (l.MedianDifference.ToString("+0.####;-0.####", CultureInfo.InvariantCulture), l.Key.Where,
                    double.IsNaN(l.RelativeMedianDifference) ? "" : l.RelativeMedianDifference.ToString("+0.00%;-0.00%", CultureInfo.InvariantCulture))
                : ("0", "", "");
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Measure} | {m.Rows:N0} | {m.Differing:N0} | {change} | {where} | {relative} | {Ratio(m.WidthRatio80)} | {Ratio(m.WidthRatio95)} |"));
        }
    }

    /// <summary>Every row both runs have: key, each run's median and interval widths, the median's change and B's widths over A's.</summary>
    public void WriteCsv(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("year,unit,measure,sex,age_group,median_a,median_b,median_difference,relative_difference,width80_a,width80_b,width95_a,width95_b");
        foreach (var r in Rows)
        {
            var k = r.Key;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k.Year},{StochasticRun.Csv(k.Unit)},{k.Measure},{k.Sex},{k.AgeGroup},{r.A.Median:R},{r.B.Median:R},{r.MedianDifference:R},{(double.IsNaN(r.RelativeMedianDifference) ? "" : r.RelativeMedianDifference.ToString("R", CultureInfo.InvariantCulture))},{r.A.Width80:R},{r.B.Width80:R},{r.A.Width95:R},{r.B.Width95:R}"));
        }
    }

    /// <summary>The manifest flattened to key paths and their JSON text.</summary>
    private static Dictionary<string, string> ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new InputError(path, 0, null, null, "file not found: is this the folder of a probabilistic run (project --trajectories --out)?"));
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(new InputError(path, 0, null, null, $"not valid JSON: {ex.Message}"));
        }

        if (root is not JsonObject o || o["kind"]?.GetValue<string>() != "populus stochastic projection")
        {
            throw new InvalidInputException(new InputError(path, 0, "kind", root?["kind"]?.ToJsonString(), "not the manifest of a populus probabilistic run"));
        }

        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        void Flatten(JsonNode? node, string key)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj)
                    {
                        Flatten(value, key.Length == 0 ? name : $"{key}.{name}");
                    }

                    break;
                case JsonArray array when array.All(e => e is JsonValue):
                    flat[key] = string.Join(" ", array.Select(e => e!.ToJsonString()));
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Flatten(array[i], $"{key}[{i}]");
                    }

                    break;
                default:
                    flat[key] = node?.ToJsonString() ?? "null";
                    break;
            }
        }

        Flatten(o, "");
        return flat;
    }

    /// <summary>The rows of quantiles.csv by key, in file order.</summary>
    private static OrderedDictionary<RowKey, Figures> ReadQuantiles(string folder)
    {
        var path = Path.Combine(folder, QuantilesFile);
        var rows = new OrderedDictionary<RowKey, Figures>();
        using (var table = CsvTable.Open(path, ["year", "unit", "measure", "sex", "age_group", "mean", .. QuantileColumns]))
        {
            foreach (var r in table.Records())
            {
                var quantiles = QuantileColumns.Select(c => r.Number(c)).ToArray();
                if (r.Integer("year", 1900, 2300) is { } year && r.RequiredText("unit") is { } unit && r.RequiredText("measure") is { } measure
                    && r.Number("mean") is { } mean && quantiles.All(q => q is not null))
                {
                    var key = new RowKey(year, unit, measure, r.Text("sex") ?? "", r.Text("age_group") ?? "");
                    if (!rows.TryAdd(key, new Figures(mean, [.. quantiles.Select(q => q!.Value)])))
                    {
                        r.Fail("measure", measure, $"a second row for {key}");
                    }
                }
            }

            table.ThrowIfInvalid();
        }

        return rows;
    }
}
