namespace Populus.Demography.Migration;

/// <summary>
/// A Rogers–Castro model migration schedule [RC1981]: the age profile of migration as a sum of a childhood
/// curve, a labour-force peak, an optional retirement peak, an optional post-retirement rise and a constant.
/// </summary>
/// <remarks>
/// m(x) = a1·e^(−α1·x) + a2·e^(−α2(x−μ2) − e^(−λ2(x−μ2))) + a3·e^(−α3(x−μ3) − e^(−λ3(x−μ3))) + a4·e^(λ4·x) + c.
/// The 7-parameter form has the childhood curve, the labour-force peak and c; the 9-parameter form adds the
/// post-retirement rise (a4, λ4); the 11-parameter form adds the retirement peak (a3, μ3, α3, λ3) instead; the
/// 13-parameter form has all ([RC1981] ch. 3; the families as in DemoTools <c>mig_calculate_rc</c>).
/// The heights are only relative: the schedule is used for its shape (see <see cref="MigrationDistribution"/>).
/// </remarks>
public sealed record RogersCastroSchedule
{
    /// <summary>The 7-parameter form.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A height or rate is negative or not finite.</exception>
    public RogersCastroSchedule(double a1, double alpha1, double a2, double mu2, double alpha2, double lambda2, double c)
    {
        foreach (var (v, name) in new[] { (a1, nameof(a1)), (alpha1, nameof(alpha1)), (a2, nameof(a2)), (mu2, nameof(mu2)), (alpha2, nameof(alpha2)), (lambda2, nameof(lambda2)), (c, nameof(c)) })
        {
            Guard.InRange(v, 0, double.MaxValue, name);
        }

        A1 = a1;
        Alpha1 = alpha1;
        A2 = a2;
        Mu2 = mu2;
        Alpha2 = alpha2;
        Lambda2 = lambda2;
        C = c;
    }

    /// <summary>
    /// The "fundamental parameters" of the simplified basic standard schedule of [RC1981] (7-parameter form):
    /// a1 = 0.02, α1 = 0.1, a2 = 0.06, μ2 = 20, α2 = 0.1, λ2 = 0.4, c = 0.003 (as also shipped with R migest,
    /// <c>rc9.fund</c>). A child-dependent, labour-dominant profile peaking in the early twenties.
    /// </summary>
    public static RogersCastroSchedule Standard { get; } = new(0.02, 0.1, 0.06, 20, 0.1, 0.4, 0.003);

    public double A1 { get; }

    public double Alpha1 { get; }

    public double A2 { get; }

    public double Mu2 { get; }

    public double Alpha2 { get; }

    public double Lambda2 { get; }

    public double C { get; }

    /// <summary>Height of the retirement peak (0 when absent).</summary>
    public double A3 { get; private init; }

    public double Mu3 { get; private init; }

    public double Alpha3 { get; private init; }

    public double Lambda3 { get; private init; }

    /// <summary>Height of the post-retirement rise (0 when absent).</summary>
    public double A4 { get; private init; }

    public double Lambda4 { get; private init; }

    /// <summary>True when the retirement peak is part of the schedule.</summary>
    public bool HasRetirementPeak { get; private init; }

    /// <summary>True when the post-retirement rise is part of the schedule.</summary>
    public bool HasPostRetirementRise { get; private init; }

    /// <summary>7, 9, 11 or 13.</summary>
    public int ParameterCount => 7 + (HasRetirementPeak ? 4 : 0) + (HasPostRetirementRise ? 2 : 0);

    /// <summary>This schedule with a retirement peak (11- or 13-parameter form).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is negative or not finite.</exception>
    public RogersCastroSchedule WithRetirementPeak(double a3, double mu3, double alpha3, double lambda3)
    {
        foreach (var (v, name) in new[] { (a3, nameof(a3)), (mu3, nameof(mu3)), (alpha3, nameof(alpha3)), (lambda3, nameof(lambda3)) })
        {
            Guard.InRange(v, 0, double.MaxValue, name);
        }

        return this with { A3 = a3, Mu3 = mu3, Alpha3 = alpha3, Lambda3 = lambda3, HasRetirementPeak = true };
    }

    /// <summary>This schedule with a post-retirement rise (9- or 13-parameter form).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is negative or not finite.</exception>
    public RogersCastroSchedule WithPostRetirementRise(double a4, double lambda4)
    {
        Guard.InRange(a4, 0, double.MaxValue, nameof(a4));
        Guard.InRange(lambda4, 0, 1, nameof(lambda4));
        return this with { A4 = a4, Lambda4 = lambda4, HasPostRetirementRise = true };
    }

    /// <summary>The model rate m(x) at exact age <paramref name="age"/>.</summary>
    public double Rate(double age)
    {
        var m = A1 * Math.Exp(-Alpha1 * age) + Peak(A2, Mu2, Alpha2, Lambda2, age) + C;
        if (HasRetirementPeak)
        {
            m += Peak(A3, Mu3, Alpha3, Lambda3, age);
        }

        if (HasPostRetirementRise)
        {
            m += A4 * Math.Exp(Lambda4 * age);
        }

        return m;
    }

    /// <summary>The double-exponential peak a·exp(−α(x−μ) − exp(−λ(x−μ))).</summary>
    private static double Peak(double a, double mu, double alpha, double lambda, double x) =>
        a * Math.Exp(-alpha * (x - mu) - Math.Exp(-lambda * (x - mu)));
}
