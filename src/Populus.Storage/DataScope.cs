namespace Populus.Storage;

/// <summary>
/// Which regions a reader may see: every region, or one county-level unit with its townships. Every scoped query
/// of <see cref="IScopedReader"/> filters by it in SQL; on PostgreSQL row-level security enforces it a second time.
/// </summary>
public sealed record DataScope
{
    private DataScope(string? countyCode) => CountyCode = countyCode;

    /// <summary>Every region.</summary>
    public static DataScope All { get; } = new((string?)null);

    /// <summary>The 6-digit county code the scope is limited to, or null for every region.</summary>
    public string? CountyCode { get; }

    public bool IsAll => CountyCode is null;

    /// <summary>One county-level unit (6-digit code) and the townships under it (9-digit codes starting with it).</summary>
    /// <exception cref="ArgumentException">The code is not a 6-digit county code.</exception>
    public static DataScope County(string code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{code}' is not a 6-digit county code.", nameof(code));
        }

        return new DataScope(code);
    }

    /// <summary>True when a figure of <paramref name="regionCode"/> may be read in this scope.</summary>
    public bool Allows(string regionCode) =>
        CountyCode is not { } county || (regionCode.Length >= 6 && regionCode.StartsWith(county, StringComparison.Ordinal));

    public override string ToString() => CountyCode is null ? "all regions" : $"county {CountyCode}";
}
