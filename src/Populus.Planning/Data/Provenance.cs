using System.Text.RegularExpressions;

namespace Populus.Planning.Data;

/// <summary>Where a figure comes from: its status and its source (a source id, table or scenario name).</summary>
public sealed partial record Provenance
{
    private const string Separator = "; ";

    /// <exception cref="ArgumentException">The source is blank.</exception>
    public Provenance(DataStatus status, string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("A provenance needs a source (table, bulletin, department or scenario).", nameof(source));
        }

        Status = status;
        Source = source.Trim();
    }

    public DataStatus Status { get; }

    /// <summary>One or more sources, "; "-separated when a value combines several.</summary>
    public string Source { get; }

    /// <summary>The sources for a Chinese reader: the notes the code writes about a source (<see cref="SumOfMembers"/>,
    /// the plan's tables as the plan monitor and the target book name them, a derived figure) in Chinese words; source
    /// ids, scenario names and the sources' own titles as they are.</summary>
    public string SourceZh => string.Join(Separator, Source.Split(Separator).Select(InChinese));

    private static string InChinese(string part)
    {
        foreach (var (english, chinese) in ChineseNotes)
        {
            if (english.IsMatch(part))
            {
                return english.Replace(part, chinese);
            }
        }

        return part;
    }

    /// <summary>Each note as written in English and its Chinese words.</summary>
    private static readonly (Regex English, string Chinese)[] ChineseNotes =
    [
        (SumNote(), "${name}各成员数值之和"),
        (PlanBaseNote(), "规划表 ${table} ${year} 年基数"),
        (PlanTableNote(), "规划表 ${table}（${title}）"),
        (PrintedSourceNote(), "原表注明的数据来源：${source}"),
        (DerivedNote(), "${source}（推算）"),
    ];

    [GeneratedRegex("^sum of the members of (?<name>.+)$")]
    private static partial Regex SumNote();

    [GeneratedRegex(@"^plan Table (?<table>\d+) base (?<year>\d{4})$")]
    private static partial Regex PlanBaseNote();

    [GeneratedRegex(@"^plan Table (?<table>\d+) \(表 \d+: (?<title>.+)\)$")]
    private static partial Regex PlanTableNote();

    [GeneratedRegex("^data source as printed: (?<source>.+)$")]
    private static partial Regex PrintedSourceNote();

    [GeneratedRegex(@"^(?<source>\S+) \(derived\)$")]
    private static partial Regex DerivedNote();

    public static Provenance Observed(string source) => new(DataStatus.Observed, source);

    public static Provenance Estimated(string source) => new(DataStatus.Estimated, source);

    public static Provenance Projected(string scenario) => new(DataStatus.Projected, scenario);

    /// <summary>The note a grouping's figure carries when it is the sum of its members' (中心城区 from its districts).</summary>
    public static Provenance SumOfMembers(string groupingName) => Estimated($"sum of the members of {groupingName}");

    /// <summary>The provenance of a value computed from this one and <paramref name="other"/>: the weaker status,
    /// and both sources (each named once).</summary>
    public Provenance Combine(Provenance other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other) || Includes(other))
        {
            // The common cases (every input of a formula from one projection, or a grouping's sum beside its city's
            // figure): nothing to merge, nothing to allocate.
            return this;
        }

        var status = (DataStatus)Math.Max((int)Status, (int)other.Status);
        var sources = Source.Split(Separator).Concat(other.Source.Split(Separator)).Distinct(StringComparer.Ordinal);
        return new Provenance(status, string.Join(Separator, sources));
    }

    /// <summary>Whether combining with <paramref name="other"/> would give this provenance again: its status is no
    /// weaker and each of its sources is one of these.</summary>
    private bool Includes(Provenance other)
    {
        if (Status < other.Status)
        {
            return false;
        }

        var theirs = other.Source.AsSpan();
        foreach (var part in theirs.Split(Separator))
        {
            if (!Lists(theirs[part]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="source"/> is one of these sources.</summary>
    private bool Lists(ReadOnlySpan<char> source)
    {
        var ours = Source.AsSpan();
        foreach (var part in ours.Split(Separator))
        {
            if (ours[part].SequenceEqual(source))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"{Status.ToString().ToLowerInvariant()} ({Source})";
}
