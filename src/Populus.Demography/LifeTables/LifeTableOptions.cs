namespace Populus.Demography.LifeTables;

/// <summary>The choices a life table depends on besides its death rates.</summary>
public sealed record LifeTableOptions
{
    /// <summary>The usual radix l0.</summary>
    public const double DefaultRadix = 100_000;

    private readonly double _radix = DefaultRadix;

    /// <summary>The sex whose infant separation factors (1a0, 4a1) apply.</summary>
    /// <remarks>
    /// Neither rule has coefficients for both sexes combined. WPP 2019's both-sexes tables (ccmppWPP) used the male
    /// Coale–Demeny coefficients, DemoTools' default <c>Sex = "m"</c>; pass <see cref="Sex.Male"/> to reproduce them.
    /// </remarks>
    public required Sex Sex { get; init; }

    /// <summary>How 1a0 (and 4a1 in abridged tables) is estimated where no ax is given. Default Andreev–Kingkade.</summary>
    public A0Rule A0Rule { get; init; } = A0Rule.AndreevKingkade;

    /// <summary>How the open age group is closed. Default Lω = lω/mω.</summary>
    public OpenAgeClosure Closure { get; init; } = OpenAgeClosure.Reciprocal;

    /// <summary>l0, the number of births the table follows. Default 100,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double Radix
    {
        get => _radix;
        init
        {
            Guard.Positive(value, nameof(Radix));
            _radix = value;
        }
    }

    /// <summary>Options for one sex with every default.</summary>
    public static LifeTableOptions For(Sex sex) => new() { Sex = sex };
}
