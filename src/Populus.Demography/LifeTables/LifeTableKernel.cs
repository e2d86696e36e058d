namespace Populus.Demography.LifeTables;

/// <summary>
/// The life-table arithmetic on spans: from death rates nmx (and any given nax) to nqx, lx, ndx, nLx, Tx, ex,
/// writing into buffers the caller owns. Allocation-free for grids of up to 256 groups; <see cref="LifeTable"/>
/// wraps it with validation and summary measures.
/// </summary>
/// <remarks>
/// Preston, Heuveline &amp; Guillot (2001), ch. 3 [PHG2001]:
/// nqx = n·nmx / (1 + (n − nax)·nmx); ndx = lx·nqx; l(x+n) = lx − ndx; nLx = n·l(x+n) + nax·ndx;
/// Tx = Σ_{y≥x} nLy; ex = Tx / lx. The open group has qω = 1, dω = lω and Lω from the <see cref="OpenAgeClosure"/>;
/// its ax is Lω / lω. Where nax is not given: 1a0 by the <see cref="A0Rule"/>, 4a1 by Coale–Demeny, and n/2
/// elsewhere — deaths spread evenly over the group, the usual assumption for single years and adequate for
/// five-year groups below old age [PHG2001, p. 45].
/// </remarks>
public static class LifeTableKernel
{
    /// <summary>Computes a life table on <paramref name="ages"/> into <paramref name="output"/>.</summary>
    /// <param name="ages">Open-ended grid starting at 0 with age 0 as its own group (single years or abridged).</param>
    /// <param name="mx">One death rate per group.</param>
    /// <param name="givenAx">Empty, or one nax per group: a value overrides the rule, NaN leaves it to the rule. The open group's entry is ignored.</param>
    /// <param name="options">Sex, a0 rule, closure and radix.</param>
    /// <param name="output">Buffers of one value per group.</param>
    /// <exception cref="ArgumentException">Lengths differ, the grid is not open or does not start with age 0 alone, a rate or ax is out of range, or the open group's rate is 0 under the 1/m closure.</exception>
    public static void Compute(AgeGroups ages, ReadOnlySpan<double> mx, ReadOnlySpan<double> givenAx, LifeTableOptions options,
        LifeTableColumns output)
    {
        Guard.NotNull(ages);
        Guard.NotNull(options);
        var k = ages.Count;
        RequireLifeTableGrid(ages);
        if (mx.Length != k || (!givenAx.IsEmpty && givenAx.Length != k) || !output.AllHaveLength(k))
        {
            Guard.ThrowArgument(nameof(mx), $"mx ({mx.Length}), ax ({givenAx.Length}) and every output column need one value for each of the {k} age groups ({ages}).");
        }

        var starts = ages.Starts;
        var l = options.Radix;
        for (var i = 0; i < k - 1; i++)
        {
            var n = starts[i + 1] - starts[i];
            var m = mx[i];
            if (!(m >= 0) || double.IsInfinity(m))
            {
                Guard.ThrowRange($"mx at age {ages.Label(i)}", m, "must be a non-negative finite rate");
            }

            var a = givenAx.IsEmpty || double.IsNaN(givenAx[i]) ? DefaultAx(i, starts[i], n, m, options, output.Qx) : givenAx[i];
            if (!(a >= 0 && a <= n))
            {
                Guard.ThrowRange($"ax at age {ages.Label(i)}", a, $"must be between 0 and the group width {n}");
            }

            // q ≤ 1 exactly when a·m ≤ 1; beyond that the rate and ax contradict each other.
            if (a * m > 1)
            {
                Guard.ThrowRange($"mx at age {ages.Label(i)}", m, $"with ax = {a} implies a probability of dying above 1 (needs ax·mx ≤ 1)");
            }

            var q = n * m / (1 + (n - a) * m);
            var d = l * q;
            output.Ax[i] = a;
            output.Qx[i] = q;
            output.Survivors[i] = l;
            output.Deaths[i] = d;
            output.PersonYears[i] = n * (l - d) + a * d;
            l -= d;
        }

        var w = k - 1;
        output.Qx[w] = 1;
        output.Survivors[w] = l;
        output.Deaths[w] = l;
        output.PersonYears[w] = OpenGroupPersonYears(ages, mx, options.Closure, l);
        output.Ax[w] = l > 0 ? output.PersonYears[w] / l : 1 / mx[w];

        var t = 0.0;
        for (var i = w; i >= 0; i--)
        {
            t += output.PersonYears[i];
            output.PersonYearsAbove[i] = t;
            // Nobody reaches a group after a certain death (a·m = 1): no one is left to expect anything.
            output.Expectancy[i] = output.Survivors[i] > 0 ? t / output.Survivors[i] : 0;
        }
    }

    /// <summary>e0 of the table of <paramref name="mx"/>, computed in <paramref name="columns"/> (at least seven values per
    /// group, laid out by <see cref="LifeTableColumns.Within"/>), for callers that need the level and not the table.</summary>
    internal static double LifeExpectancyAtBirth(AgeGroups ages, ReadOnlySpan<double> mx, LifeTableOptions options, Span<double> columns)
    {
        var table = LifeTableColumns.Within(columns, ages.Count);
        Compute(ages, mx, default, options, table);
        return table.Expectancy[0];
    }

    /// <summary>
    /// Projection survivorship ratios from a table's lx, nLx and Tx [PHG2001, ch. 6]. Single-year tables give ratios on
    /// the same grid: S0 = L0 / l0, Sx = Lx / L(x−1), Sω = Tω / T(ω−1). Abridged tables give ratios for five-year
    /// steps on the grid 0–4, 5–9, …, ω+: S0 = 5L0 / (5·l0) with 5L0 = 1L0 + 4L1, S5 = 5L5 / 5L0, …, Sω = Tω / T(ω−5).
    /// </summary>
    /// <exception cref="ArgumentException">The grid is neither single-year nor abridged, or a length is wrong.</exception>
    public static void SurvivalRatios(AgeGroups ages, ReadOnlySpan<double> survivors, ReadOnlySpan<double> personYears,
        ReadOnlySpan<double> personYearsAbove, Span<double> ratios)
    {
        Guard.NotNull(ages);
        RequireLifeTableGrid(ages);
        var k = ages.Count;
        var abridged = k >= 3 && ages.Start(1) == 1 && ages.Start(2) == 5;
        var expected = abridged ? k - 1 : k;
        if (survivors.Length != k || personYears.Length != k || personYearsAbove.Length != k || ratios.Length != expected)
        {
            Guard.ThrowArgument(nameof(ratios), $"Survival ratios on {ages} need {k} values of lx, nLx and Tx and room for {expected} ratios.");
        }

        var first = abridged ? 2 : 1;
        var step = abridged ? 5 : ages.Width(0);
        var previous = abridged ? personYears[0] + personYears[1] : personYears[0];
        ratios[0] = Ratio(previous, step * survivors[0]);
        for (var i = first; i < k - 1; i++)
        {
            ratios[i - first + 1] = Ratio(personYears[i], previous);
            previous = personYears[i];
        }

        ratios[^1] = Ratio(personYearsAbove[k - 1], personYearsAbove[k - 2]);
    }

    /// <summary>Throws unless the grid starts at 0 with age 0 on its own and ends in an open group.</summary>
    internal static void RequireLifeTableGrid(AgeGroups ages)
    {
        if (!ages.IsOpenEnded || ages.Count < 2 || ages.FirstAge != 0 || ages.Width(0) != 1)
        {
            Guard.ThrowArgument(nameof(ages), $"A life table needs ages from 0, with age 0 as its own group, ending in an open group (got {ages}).");
        }
    }

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0;

    private static double DefaultAx(int index, int start, int width, double m, LifeTableOptions options, Span<double> qx)
    {
        if (index == 0)
        {
            return options.A0Rule == A0Rule.AndreevKingkade ? AndreevKingkade.A0(m, options.Sex) : CoaleDemeny.A0(m, options.Sex);
        }

        // 4a1 depends on the level of infant mortality (1q0), already computed in row 0.
        return start == 1 && width == 4 ? CoaleDemeny.A1To4FromQ0(qx[0], options.Sex) : width / 2.0;
    }

    private static double OpenGroupPersonYears(AgeGroups ages, ReadOnlySpan<double> mx, OpenAgeClosure closure, double survivors)
    {
        var w = ages.Count - 1;
        var omega = ages.Start(w);
        if (closure.Method == OpenAgeClosureMethod.Reciprocal)
        {
            if (!(mx[w] > 0) || double.IsInfinity(mx[w]))
            {
                Guard.ThrowRange($"mx at age {ages.Label(w)}", mx[w], "must be positive: the open age group is closed with Lω = lω / mω");
            }

            return survivors / mx[w];
        }

        return KannistoPersonYears(ages, mx, closure, survivors, omega);
    }

    /// <summary>
    /// Fits Kannisto to the groups from <see cref="OpenAgeClosure.FitFromAge"/> on, placing each rate at the middle of
    /// its group and the open group's rate as if it were one more group as wide as the one before it; then follows
    /// lω in single years with ax = 0.5 to the extension age and closes there with 1/μ [WPP2024; Thatcher1998].
    /// For single-year grids this is DemoTools' <c>lt_single_mx</c> closure used by WPP.
    /// </summary>
    private static double KannistoPersonYears(AgeGroups ages, ReadOnlySpan<double> mx, OpenAgeClosure closure, double survivors, int omega)
    {
        var w = ages.Count - 1;
        if (omega < closure.FitFromAge || omega >= closure.ExtendToAge)
        {
            Guard.ThrowArgument(nameof(closure), $"The Kannisto closure {closure} needs the open age {omega} between its fit age and its extension age.");
        }

        var first = ages.IndexOf(closure.FitFromAge);
        if (ages.Start(first) < closure.FitFromAge)
        {
            first++;
        }

        var count = w - first + 1;
        Span<double> x = count <= 128 ? stackalloc double[count] : new double[count];
        for (var i = first; i < w; i++)
        {
            x[i - first] = ages.Start(i) + ages.Width(i) / 2.0;
        }

        x[^1] = omega + ages.Width(w - 1) / 2.0;
        var fit = Kannisto.Fit(x, mx[first..]);

        var l = survivors;
        var t = 0.0;
        for (var age = omega; age < closure.ExtendToAge; age++)
        {
            var m = fit.Hazard(age + 0.5);
            var d = l * m / (1 + 0.5 * m);
            t += l - 0.5 * d;
            l -= d;
        }

        return t + l / fit.Hazard(closure.ExtendToAge + 0.5);
    }
}
