using System.Globalization;

namespace Populus.Planning.Data;

/// <summary>Ages from <see cref="From"/> (inclusive) up to <see cref="To"/> (exclusive; null = no upper bound),
/// as written in formulas: <c>age&gt;=15 &amp; age&lt;60</c> is [15, 60).</summary>
public readonly record struct AgeRange
{
    /// <exception cref="ArgumentOutOfRangeException">From is negative or To is not above From.</exception>
    public AgeRange(int from, int? to)
    {
        if (from < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"age {from} is negative.");
        }

        if (to is { } t && t <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"the age range [{from}, {t}) is empty.");
        }

        From = from;
        To = to;
    }

    /// <summary>All ages.</summary>
    public static AgeRange All => new(0, null);

    public int From { get; }

    public int? To { get; }

    public bool IsAll => From == 0 && To is null;

    /// <summary>The ages in Chinese as the report and the reasons write them: 全部年龄, 15-59岁, 60岁及以上.</summary>
    public string LabelZh => IsAll ? "全部年龄"
        : To is { } t ? string.Create(CultureInfo.InvariantCulture, $"{From}-{t - 1}岁")
        : string.Create(CultureInfo.InvariantCulture, $"{From}岁及以上");

    public override string ToString() => To is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{From}-{t - 1}")
        : string.Create(CultureInfo.InvariantCulture, $"{From}+");
}
