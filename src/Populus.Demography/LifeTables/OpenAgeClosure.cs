namespace Populus.Demography.LifeTables;

/// <summary>How the person-years of the open age group ω+ are found.</summary>
/// <remarks>
/// <see cref="Reciprocal"/> assumes the open group's death rate holds for the rest of life: Lω = lω / mω
/// [PHG2001, eq. 3.9]. <see cref="Kannisto"/> instead fits the Kannisto logistic hazard to old-age rates and
/// extends the table in single years to <see cref="ExtendToAge"/> before summing, as WPP does [Thatcher1998; WPP2024].
/// </remarks>
public readonly record struct OpenAgeClosure
{
    private OpenAgeClosure(OpenAgeClosureMethod method, int fitFromAge, int extendToAge)
    {
        Method = method;
        FitFromAge = fitFromAge;
        ExtendToAge = extendToAge;
    }

    /// <summary>Lω = lω / mω.</summary>
    public static OpenAgeClosure Reciprocal { get; } = new(OpenAgeClosureMethod.Reciprocal, 0, 0);

    /// <summary>
    /// Kannisto extension: fit to the rates of the groups starting at <paramref name="fitFromAge"/> or later
    /// (including the open group), extend in single years to <paramref name="extendToAge"/>, close there with 1/m.
    /// </summary>
    /// <remarks>
    /// The defaults are those of the WPP 2019 tables in ccmppWPP (DemoTools <c>lt_single_mx</c>: fit ages 60 and over,
    /// extension to 130), which this closure reproduces to 6e−4 of T100 (docs/validation.md).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Ages are negative or the extension age is not above the fit age.</exception>
    public static OpenAgeClosure Kannisto(int fitFromAge = 60, int extendToAge = 130)
    {
        if (fitFromAge < 0)
        {
            Guard.ThrowRange(nameof(fitFromAge), fitFromAge, "must not be negative");
        }

        if (extendToAge <= fitFromAge || extendToAge > 200)
        {
            Guard.ThrowRange(nameof(extendToAge), extendToAge, $"must be above the fit age {fitFromAge} and at most 200");
        }

        return new OpenAgeClosure(OpenAgeClosureMethod.Kannisto, fitFromAge, extendToAge);
    }

    public OpenAgeClosureMethod Method { get; }

    /// <summary>First age whose rate enters the Kannisto fit (Kannisto only).</summary>
    public int FitFromAge { get; }

    /// <summary>Age at which the Kannisto extension is closed (Kannisto only).</summary>
    public int ExtendToAge { get; }

    public override string ToString() =>
        Method == OpenAgeClosureMethod.Reciprocal ? "1/m" : $"Kannisto (fit {FitFromAge}+, to {ExtendToAge})";
}

/// <summary>The methods of <see cref="OpenAgeClosure"/>.</summary>
public enum OpenAgeClosureMethod
{
    Reciprocal,
    Kannisto,
}
