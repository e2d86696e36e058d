namespace Populus.Demography;

/// <summary>A span of whole calendar years [StartYear, StartYear + Length), for example the five-year period 2020–2025.</summary>
public readonly record struct Period
{
    /// <exception cref="ArgumentOutOfRangeException">The length is not positive.</exception>
    public Period(int startYear, int length)
    {
        if (length < 1)
        {
            Guard.ThrowRange(nameof(length), length, "must be at least one year");
        }

        StartYear = startYear;
        Length = length;
    }

    public int StartYear { get; }

    public int Length { get; }

    /// <summary>The first year after the period.</summary>
    public int EndYear => StartYear + Length;

    /// <summary>The middle of the period in decimal years (2022.5 for 2020–2025).</summary>
    public double MidYear => StartYear + Length / 2.0;

    public bool Contains(int year) => year >= StartYear && year < EndYear;

    /// <summary>The label WPP uses: "2020-2025".</summary>
    public override string ToString() => $"{StartYear}-{EndYear}";

    /// <summary>Reads "2020-2025".</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], out var a) || !int.TryParse(parts[1], out var b) || b <= a)
        {
            return false;
        }

        period = new Period(a, b - a);
        return true;
    }
}
