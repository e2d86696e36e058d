using Populus.Demography.LifeTables;

namespace Populus.Demography.Stochastic;

/// <summary>
/// Survival ratios of one region, sex and step for any life expectancy near the central one, read from a precomputed
/// family of life tables instead of a root-find per trajectory and year.
/// </summary>
/// <remarks>
/// The deterministic step scales its death rates by k* so that e0 meets the central level
/// (<see cref="Preparation.LifeExpectancyCalibration"/>). The family holds the life tables of k*·e^{jΔ}·m(x) for
/// j = −J…J (Δ = 0.08, J = 15: factors 0.30–3.3, about ±15 years of e0 at today's levels), and their e0. A target e0
/// is placed between the two nodes around it and the survival ratios interpolated linearly in e0; node 0 is the
/// deterministic table itself, so a zero deviation gives the deterministic ratios (to the 10⁻¹⁰ of
/// <see cref="SurvivalFamilies"/>' single-precision storage). Between nodes 1–1.5
/// years of e0 apart the ratios are smooth in e0, and linear interpolation moves e0 itself by well under 0.01 year.
/// Targets beyond the outermost nodes are held at them (reported by <see cref="SurvivalFamilies.Interpolate"/>, which
/// reads the families of a run from one flat table).
/// </remarks>
internal sealed class SurvivalFamily
{
    internal const double LogFactorStep = 0.08;
    internal const int HalfNodes = 15;

    private readonly double[] _e0;
    private readonly double[] _survival;
    private readonly int _a;

    /// <param name="mx">Single-year death rates before scaling.</param>
    /// <param name="mxAges">Their age groups (single years, possibly beyond the grid's open age).</param>
    /// <param name="factor">k*: the factor that gives the central e0.</param>
    /// <param name="options">Life-table conventions.</param>
    /// <param name="ages">The projection grid (its open age closes the tables).</param>
    public SurvivalFamily(ReadOnlySpan<double> mx, AgeGroups mxAges, double factor, LifeTableOptions options, AgeGroups ages)
    {
        _a = ages.Count;
        var e0 = new List<double>();
        var survival = new List<double[]>();
        var scaled = new double[mx.Length];
        // From the highest factor (lowest e0) up, so that the nodes come out in ascending e0.
        for (var j = HalfNodes; j >= -HalfNodes; j--)
        {
            var f = factor * Math.Exp(j * LogFactorStep);
            for (var i = 0; i < scaled.Length; i++)
            {
                scaled[i] = mx[i] * f;
            }

            LifeTable table;
            try
            {
                table = LifeTable.FromRates(new DeathRates(mxAges, scaled), options);
            }
            catch (Exception e) when (j != 0 && e is ArgumentException or ArithmeticException)
            {
                continue; // a factor this far out leaves the life table's range (or its Kannisto fit); the family stops short of it
            }

            if (j == 0)
            {
                CentralIndex = e0.Count;
            }

            e0.Add(table.E0);
            survival.Add(table.ClosedAt(ages.OpenAge).SurvivalRatios().Values.ToArray());
        }

        _e0 = [.. e0];
        _survival = [.. survival.SelectMany(s => s)];
    }

    /// <summary>The node of the deterministic table.</summary>
    public int CentralIndex { get; }

    public double CentralE0 => _e0[CentralIndex];

    public double MinimumE0 => _e0[0];

    public double MaximumE0 => _e0[^1];

    /// <summary>The nodes' e0, ascending.</summary>
    internal ReadOnlySpan<double> NodeE0 => _e0;

    /// <summary>The nodes' survival ratios [node][age].</summary>
    internal ReadOnlySpan<double> NodeSurvival => _survival;
}
