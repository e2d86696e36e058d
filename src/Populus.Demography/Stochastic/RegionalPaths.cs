namespace Populus.Demography.Stochastic;

/// <summary>
/// One draw of the <see cref="UncertaintyModel"/>'s deviation paths for every region: TFR, female e0, male e0's own
/// part and the net migration rate, by horizon (years from the model's base year), each region mixing the city's
/// common path with its own by ρ.
/// </summary>
/// <remarks>
/// d_r = √ρ·c + √(1−ρ)·u_r (<see cref="UncertaintyModel"/>): every region keeps the fitted marginal variance and any
/// two correlate by ρ. The variables are drawn in a fixed order from one <see cref="RandomStream"/>, so a trajectory's
/// paths depend only on the seed and its index. A reusable workspace: one per thread.
/// </remarks>
public sealed class RegionalPaths
{
    /// <summary>The variables, in the order they are drawn.</summary>
    public const int TotalFertility = 0, FemaleLifeExpectancy = 1, MaleLifeExpectancyOwn = 2, NetMigrationRate = 3;

    private const int Variables = 4;

    private readonly UncertaintyModel _model;
    private readonly double[] _shocks;
    private readonly double[] _common;
    private readonly double[] _own;
    private readonly double[] _paths; // [variable][region][horizon]

    /// <param name="model">The processes.</param>
    /// <param name="regions">Regions drawn.</param>
    /// <param name="horizons">Horizons 0 … horizons − 1 (horizon 0, the base year, has no deviation).</param>
    public RegionalPaths(UncertaintyModel model, int regions, int horizons)
    {
        Guard.NotNull(model);
        model.Check();
        if (regions < 1)
        {
            Guard.ThrowRange(nameof(regions), regions, "must be at least 1");
        }

        if (horizons < 1)
        {
            Guard.ThrowRange(nameof(horizons), horizons, "must be at least 1");
        }

        _model = model;
        Regions = regions;
        Horizons = horizons;
        _shocks = new double[horizons];
        _common = new double[horizons];
        _own = new double[horizons];
        _paths = new double[checked(Variables * regions * horizons)];
    }

    public int Regions { get; }

    public int Horizons { get; }

    /// <summary>The deviation of <paramref name="variable"/> in <paramref name="region"/> at <paramref name="horizon"/> (clamped to the last horizon drawn).</summary>
    public double this[int variable, int region, int horizon] => _paths[((variable * Regions) + region) * Horizons + Math.Min(Math.Max(horizon, 0), Horizons - 1)];

    /// <summary>Draws every variable's paths from <paramref name="rng"/>.</summary>
    public void Draw(ref RandomStream rng)
    {
        Draw(ref rng, _model.TotalFertility, TotalFertility);
        Draw(ref rng, _model.FemaleLifeExpectancy, FemaleLifeExpectancy);
        Draw(ref rng, _model.MaleLifeExpectancyOwn, MaleLifeExpectancyOwn);
        Draw(ref rng, _model.NetMigrationRate, NetMigrationRate);
    }

    private void Draw(ref RandomStream rng, Ar1Process process, int variable)
    {
        var h = Horizons;
        var rho = _model.RegionalCorrelation;
        var (wc, wo) = (Math.Sqrt(rho), Math.Sqrt(1 - rho));
        Fill(ref rng, _shocks);
        process.Simulate(_shocks, _common);
        for (var r = 0; r < Regions; r++)
        {
            var path = _paths.AsSpan((variable * Regions + r) * h, h);
            if (wo > 0)
            {
                Fill(ref rng, _shocks);
                process.Simulate(_shocks, _own);
                for (var i = 0; i < h; i++)
                {
                    path[i] = wc * _common[i] + wo * _own[i];
                }
            }
            else
            {
                _common.CopyTo(path);
            }
        }
    }

    /// <summary>The shocks of years 1 … H (the base year has none).</summary>
    private static void Fill(ref RandomStream rng, Span<double> shocks)
    {
        for (var i = 1; i < shocks.Length; i++)
        {
            shocks[i] = rng.NextNormal();
        }
    }
}
