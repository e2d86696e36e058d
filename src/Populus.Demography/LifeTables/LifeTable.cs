namespace Populus.Demography.LifeTables;

/// <summary>
/// A period life table on single years (0, 1, …, ω+) or abridged groups (0, 1–4, 5–9, …, ω+): the columns nmx, nax,
/// nqx, lx, ndx, nLx, Tx, ex, the summary measures read from them, and the survivorship ratios a projection uses.
/// </summary>
/// <remarks>
/// Immutable: computed once by <see cref="LifeTableKernel"/> at construction. Formulas and sources are in
/// docs/methods.md, "Life tables"; the Canada (WPP) and Austria (Preston et al. 2001, Box 3.1) reproductions are in
/// docs/validation.md.
/// </remarks>
public sealed class LifeTable
{
    private readonly double[] _mx;
    private readonly double[] _ax;
    private readonly double[] _qx;
    private readonly double[] _lx;
    private readonly double[] _dx;
    private readonly double[] _nLx;
    private readonly double[] _tx;
    private readonly double[] _ex;

    private LifeTable(AgeGroups ages, double[] mx, ReadOnlySpan<double> givenAx, LifeTableOptions options)
    {
        var k = ages.Count;
        Ages = ages;
        Options = options;
        _mx = mx;
        _ax = new double[k];
        _qx = new double[k];
        _lx = new double[k];
        _dx = new double[k];
        _nLx = new double[k];
        _tx = new double[k];
        _ex = new double[k];
        LifeTableKernel.Compute(ages, mx, givenAx, options, new LifeTableColumns(_ax, _qx, _lx, _dx, _nLx, _tx, _ex));
    }

    private LifeTable(AgeGroups ages, LifeTableOptions options, double[] mx, double[] ax, double[] qx, double[] lx, double[] dx,
        double[] nLx, double[] tx, double[] ex)
    {
        Ages = ages;
        Options = options;
        (_mx, _ax, _qx, _lx, _dx, _nLx, _tx, _ex) = (mx, ax, qx, lx, dx, nLx, tx, ex);
    }

    /// <summary>A life table from death rates.</summary>
    /// <param name="mx">Rates on a single-year or abridged grid with an open last group.</param>
    /// <param name="options">Sex, a0 rule, open-age closure and radix.</param>
    /// <param name="givenAx">Empty, or one nax per group overriding the rules (NaN: use the rule; the open group's is ignored).</param>
    /// <exception cref="ArgumentException">The grid is neither single-year nor abridged from age 0 with an open group; an ax is outside [0, n]; the rates imply qx &gt; 1; the open group's rate is 0 under the 1/m closure.</exception>
    public static LifeTable FromRates(DeathRates mx, LifeTableOptions options, ReadOnlySpan<double> givenAx = default)
    {
        Guard.NotNull(mx);
        Guard.NotNull(options);
        RequireSingleYearOrAbridged(mx.Ages);
        return new LifeTable(mx.Ages, mx.ToArray(), givenAx, options);
    }

    /// <summary>A life table from deaths and person-years of exposure (nmx = nDx / nEx).</summary>
    /// <exception cref="ArgumentException">As <see cref="FromRates"/>, or a count is negative or an exposure not positive.</exception>
    public static LifeTable FromDeathsAndExposure(AgeGroups ages, ReadOnlySpan<double> deaths, ReadOnlySpan<double> exposure,
        LifeTableOptions options, ReadOnlySpan<double> givenAx = default) =>
        FromRates(DeathRates.FromDeathsAndExposure(ages, deaths, exposure), options, givenAx);

    /// <summary>e0 of the life table from deaths and exposure, without keeping the table: nothing allocated for grids of
    /// up to 256 groups (a probabilistic projection computes one for each trajectory and year).</summary>
    /// <exception cref="ArgumentException">As <see cref="FromDeathsAndExposure"/>.</exception>
    public static double LifeExpectancyAtBirth(AgeGroups ages, ReadOnlySpan<double> deaths, ReadOnlySpan<double> exposure, LifeTableOptions options)
    {
        Guard.NotNull(ages);
        Guard.NotNull(options);
        RequireSingleYearOrAbridged(ages);
        var k = ages.Count;
        var buffer = k <= 256 ? stackalloc double[8 * k] : new double[8 * k];
        var mx = buffer[..k];
        DeathRates.FromDeathsAndExposure(ages, deaths, exposure, mx);
        return LifeTableKernel.LifeExpectancyAtBirth(ages, mx, options, buffer[k..]);
    }

    /// <summary>The age grid.</summary>
    public AgeGroups Ages { get; }

    /// <summary>The options the table was built with.</summary>
    public LifeTableOptions Options { get; }

    /// <summary>l0.</summary>
    public double Radix => _lx[0];

    /// <summary>nmx, the death rates given (the open group's as given, whatever the closure).</summary>
    public ReadOnlySpan<double> Mx => _mx;

    /// <summary>nax, years lived in the group by those who die in it; the open group's is eω.</summary>
    public ReadOnlySpan<double> Ax => _ax;

    /// <summary>nqx, the probability of dying in the group; 1 for the open group.</summary>
    public ReadOnlySpan<double> Qx => _qx;

    /// <summary>lx, survivors to the start of each group out of <see cref="Radix"/> births.</summary>
    public ReadOnlySpan<double> Survivors => _lx;

    /// <summary>ndx, table deaths in each group; they sum to the radix.</summary>
    public ReadOnlySpan<double> Deaths => _dx;

    /// <summary>nLx, person-years lived in each group.</summary>
    public ReadOnlySpan<double> PersonYears => _nLx;

    /// <summary>Tx, person-years lived from the start of each group on.</summary>
    public ReadOnlySpan<double> PersonYearsAbove => _tx;

    /// <summary>ex, life expectancy at the start of each group.</summary>
    public ReadOnlySpan<double> Expectancy => _ex;

    /// <summary>Life expectancy at birth, e0.</summary>
    public double E0 => _ex[0];

    /// <summary>1q0, the infant mortality rate as a probability.</summary>
    public double Q0 => ProbabilityOfDying(0, 1);

    /// <summary>5q0, the under-five mortality rate as a probability.</summary>
    public double Q0To5 => ProbabilityOfDying(0, 5);

    /// <summary>45q15, the probability that a 15-year-old dies before 60.</summary>
    public double Q15To60 => ProbabilityOfDying(15, 60);

    /// <summary>Life expectancy ex at exact age <paramref name="age"/>, which must start an age group (e60, e65, …).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No group starts at that age.</exception>
    public double LifeExpectancyAt(int age) => _ex[BoundaryIndex(age, nameof(age))];

    /// <summary>
    /// The probability of dying between exact ages <paramref name="fromAge"/> and <paramref name="toAge"/>,
    /// 1 − l(to) / l(from), for example 45q15 = ProbabilityOfDying(15, 60). Both must start age groups.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An age starts no group, or <paramref name="toAge"/> ≤ <paramref name="fromAge"/>.</exception>
    public double ProbabilityOfDying(int fromAge, int toAge)
    {
        if (toAge <= fromAge)
        {
            Guard.ThrowRange(nameof(toAge), toAge, $"must be above the starting age {fromAge}");
        }

        var from = _lx[BoundaryIndex(fromAge, nameof(fromAge))];
        var to = _lx[BoundaryIndex(toAge, nameof(toAge))];
        return from > 0 ? 1 - to / from : 1;
    }

    /// <summary>
    /// The same table with the groups from <paramref name="openAge"/> on merged into one open group: rows below are
    /// unchanged; the new open group has qω = 1, dω = lω, Lω = Tω, aω = eω and mω = lω / Tω, the rate that keeps the
    /// table's own person-years (DemoTools <c>lt_single_mx</c> with a lower open age does the same).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No group starts at <paramref name="openAge"/>, or it is the first one.</exception>
    public LifeTable ClosedAt(int openAge)
    {
        var w = BoundaryIndex(openAge, nameof(openAge));
        if (w == 0)
        {
            Guard.ThrowRange(nameof(openAge), openAge, "must be above 0");
        }

        if (w == Ages.Count - 1)
        {
            return this;
        }

        var n = w + 1;
        var ages = AgeGroups.FromStarts(Ages.Starts[..n].ToArray());
        double[] Head(double[] column) => column.AsSpan(0, n).ToArray();
        var (mx, ax, qx, dx, nLx) = (Head(_mx), Head(_ax), Head(_qx), Head(_dx), Head(_nLx));
        qx[w] = 1;
        dx[w] = _lx[w];
        nLx[w] = _tx[w];
        ax[w] = _ex[w];
        mx[w] = _tx[w] > 0 ? _lx[w] / _tx[w] : _mx[w];
        return new LifeTable(ages, Options, mx, ax, qx, Head(_lx), dx, nLx, Head(_tx), Head(_ex));
    }

    /// <summary>
    /// Survivorship ratios for a cohort-component projection: on the same grid for a single-year table, on five-year
    /// groups 0–4, 5–9, …, ω+ for an abridged one (see <see cref="LifeTableKernel.SurvivalRatios"/>).
    /// </summary>
    public SurvivalRatios SurvivalRatios()
    {
        var abridged = Ages.IsAbridged;
        var grid = abridged ? AgeGroups.FiveYear(0, Ages.OpenAge) : Ages;
        var ratios = new double[grid.Count];
        LifeTableKernel.SurvivalRatios(Ages, _lx, _nLx, _tx, ratios);
        return Populus.Demography.SurvivalRatios.Trusted(grid, ratios);
    }

    private int BoundaryIndex(int age, string name)
    {
        var i = Ages.IndexOf(age);
        if (i < 0 || Ages.Start(i) != age)
        {
            Guard.ThrowRange(name, age, $"is not the start of an age group of {Ages}");
        }

        return i;
    }

    private static void RequireSingleYearOrAbridged(AgeGroups ages)
    {
        LifeTableKernel.RequireLifeTableGrid(ages);
        if (!ages.IsSingleYear && !ages.IsAbridged)
        {
            Guard.ThrowArgument(nameof(ages), $"A life table needs single years 0, 1, …, ω+ or abridged groups 0, 1–4, 5–9, …, ω+ (got {ages}); an age is missing or a group is irregular.");
        }
    }
}
