namespace Populus.Demography.LifeTables;

/// <summary>
/// Caller-owned output spans of <see cref="LifeTableKernel"/>, one value per age group each, so that projections
/// building thousands of tables reuse their buffers instead of allocating.
/// </summary>
public readonly ref struct LifeTableColumns
{
    /// <param name="ax">nax, years lived in the group by those who die in it.</param>
    /// <param name="qx">nqx, the probability of dying in the group.</param>
    /// <param name="survivors">lx, survivors to the start of the group.</param>
    /// <param name="deaths">ndx, table deaths in the group.</param>
    /// <param name="personYears">nLx, person-years lived in the group.</param>
    /// <param name="personYearsAbove">Tx, person-years lived from the start of the group on.</param>
    /// <param name="expectancy">ex, life expectancy at the start of the group.</param>
    public LifeTableColumns(Span<double> ax, Span<double> qx, Span<double> survivors, Span<double> deaths,
        Span<double> personYears, Span<double> personYearsAbove, Span<double> expectancy)
    {
        Ax = ax;
        Qx = qx;
        Survivors = survivors;
        Deaths = deaths;
        PersonYears = personYears;
        PersonYearsAbove = personYearsAbove;
        Expectancy = expectancy;
    }

    /// <summary>The seven columns of <paramref name="groups"/> values each, one after another in <paramref name="buffer"/>
    /// (at least 7 × <paramref name="groups"/> long), in the order of the constructor; <see cref="Expectancy"/> last.</summary>
    public static LifeTableColumns Within(Span<double> buffer, int groups)
    {
        var k = groups;
        return new LifeTableColumns(buffer[..k], buffer[k..(2 * k)], buffer[(2 * k)..(3 * k)], buffer[(3 * k)..(4 * k)],
            buffer[(4 * k)..(5 * k)], buffer[(5 * k)..(6 * k)], buffer[(6 * k)..(7 * k)]);
    }

    public Span<double> Ax { get; }

    public Span<double> Qx { get; }

    public Span<double> Survivors { get; }

    public Span<double> Deaths { get; }

    public Span<double> PersonYears { get; }

    public Span<double> PersonYearsAbove { get; }

    public Span<double> Expectancy { get; }

    internal bool AllHaveLength(int n) =>
        Ax.Length == n && Qx.Length == n && Survivors.Length == n && Deaths.Length == n &&
        PersonYears.Length == n && PersonYearsAbove.Length == n && Expectancy.Length == n;
}
