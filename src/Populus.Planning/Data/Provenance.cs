namespace Populus.Planning.Data;

/// <summary>Where a figure comes from: its status and its source (a source id, table or scenario name).</summary>
public sealed record Provenance
{
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
        if (ReferenceEquals(this, other) || (Status == other.Status && Source == other.Source))
        {
            // The common case (every input of a formula from one projection): nothing to merge, nothing to allocate.
            return this;
        }

        var status = (DataStatus)Math.Max((int)Status, (int)other.Status);
        var sources = Source.Split("; ").Concat(other.Source.Split("; ")).Distinct(StringComparer.Ordinal);
        return new Provenance(status, string.Join("; ", sources));
    }

    public override string ToString() => $"{Status.ToString().ToLowerInvariant()} ({Source})";
}
