namespace Populus.Planning.GoalSeeking;

/// <summary>A policy lever goal seeking may move, with the range of values considered plausible.</summary>
public sealed record Lever
{
    /// <exception cref="ArgumentException">The name is blank or the range is empty or not finite.</exception>
    public Lever(string name, string nameZh, string unit, double minimum, double maximum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZh);
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || !(maximum > minimum))
        {
            throw new ArgumentException($"lever {name}: the range {minimum}–{maximum} must be finite with minimum < maximum.", nameof(maximum));
        }

        Name = name;
        NameZh = nameZh;
        Unit = unit;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>What it is (annual net migration, TFR, life expectancy).</summary>
    public string Name { get; }

    /// <summary>The same in Chinese (年净迁移人数, 总和生育率), for the refusals worded in both languages.</summary>
    public string NameZh { get; }

    public string Unit { get; }

    public double Minimum { get; }

    public double Maximum { get; }

    /// <summary>Annual net migration (persons a year). The default range, −100,000 to +300,000 a year, is wide
    /// for a city of about 10 million (1–3 % of its population a year); narrow it to what policy can do.</summary>
    public static Lever NetMigration(double minimum = -100_000, double maximum = 300_000) => new("annual net migration", "年净迁移人数", "persons/year", minimum, maximum);

    /// <summary>Total fertility rate. Default 0.7–2.1: from about the lowest national levels observed to
    /// replacement.</summary>
    public static Lever TotalFertility(double minimum = 0.7, double maximum = 2.1) => new("total fertility rate", "总和生育率", "children per woman", minimum, maximum);

    /// <summary>Life expectancy at birth. Default 75–90 years: Wenzhou's 2020 level 81.72 ± the range of change a
    /// plan period can plausibly bring.</summary>
    public static Lever LifeExpectancy(double minimum = 75, double maximum = 90) => new("life expectancy at birth", "出生时预期寿命", "years", minimum, maximum);
}
