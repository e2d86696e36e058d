namespace Populus.Demography.Stochastic;

/// <summary>
/// The tables of the ziggurat method for the standard normal distribution [MT2000]: the density's right half covered
/// by <see cref="Layers"/> horizontal layers of equal area, the bottom one a rectangle joined to the tail beyond
/// <see cref="TailStart"/>. A deviate picks a layer and a point across it; inside the part of the layer that lies wholly
/// under the density it is accepted at once, otherwise it is tested against the density (the wedge) or drawn from the
/// tail (<see cref="RandomStream.NextNormal"/>).
/// </summary>
/// <remarks>
/// With f(x) = exp(−x²/2), r = <see cref="TailStart"/> and v = <see cref="LayerArea"/> = r·f(r) + ∫ᵣ^∞ f, layer 0 spans
/// [0, v/f(r)) (its rectangle [0, r) under f(r), the rest standing for the tail), layer 1 reaches x₁ = r, and layer i
/// reaches xᵢ with xᵢ·(f(xᵢ₊₁) − f(xᵢ)) = v, so xᵢ₊₁ = √(−2 ln(v/xᵢ + f(xᵢ))); the top layer reaches x₂₅₆ = 0.
/// r and v are Marsaglia and Tsang's for 256 layers.
/// </remarks>
internal sealed class NormalZiggurat
{
    /// <summary>Layers: a power of two, picked by the low bits of a draw.</summary>
    public const int Layers = 256;

    /// <summary>r: where the tail begins.</summary>
    public const double TailStart = 3.6541528853610088;

    /// <summary>v: the area of every layer.</summary>
    public const double LayerArea = 0.00492867323399;

    public static readonly NormalZiggurat Instance = new();

    /// <summary>2⁵²: a point across a layer is j/2⁵² of its width, j a signed 53-bit integer.</summary>
    private const double Steps = 4503599627370496.0;

    private readonly double[] _right = new double[Layers + 1]; // xᵢ: layer i's right edge (x₀ = v/f(r) for the bottom layer)
    private readonly double[] _density = new double[Layers + 1]; // f(xᵢ)
    private readonly double[] _step = new double[Layers]; // xᵢ / 2⁵²
    private readonly long[] _innerLimit = new long[Layers]; // ⌊2⁵²·xᵢ₊₁ / xᵢ⌋: |j| below it lies wholly under the density

    private NormalZiggurat()
    {
        var fr = Density(TailStart);
        _right[0] = LayerArea / fr;
        _right[1] = TailStart;
        for (var i = 1; i < Layers - 1; i++)
        {
            _right[i + 1] = Math.Sqrt(-2 * Math.Log(LayerArea / _right[i] + Density(_right[i])));
        }

        _right[Layers] = 0;
        for (var i = 0; i <= Layers; i++)
        {
            _density[i] = Density(_right[i]);
        }

        for (var i = 0; i < Layers; i++)
        {
            _step[i] = _right[i] / Steps; // exact: a power of two
            _innerLimit[i] = (long)(_right[i + 1] / _right[i] * Steps);
        }
    }

    /// <summary>xᵢ: the right edge of <paramref name="layer"/>.</summary>
    public double Right(int layer) => _right[layer];

    /// <summary>xᵢ / 2⁵²: point j of the layer lies at j times it.</summary>
    public double Step(int layer) => _step[layer];

    /// <summary>⌊2⁵²·xᵢ₊₁ / xᵢ⌋: point j with |j| below it lies under the density.</summary>
    public long InnerLimit(int layer) => _innerLimit[layer];

    /// <summary>Whether (x, f(xᵢ) + uniform·(f(xᵢ₊₁) − f(xᵢ))), a point of the layer's wedge, lies under the density.</summary>
    public bool UnderDensity(int layer, double x, double uniform) =>
        _density[layer] + uniform * (_density[layer + 1] - _density[layer]) < Density(x);

    /// <summary>A deviate beyond r (Marsaglia's method for the tail [Marsaglia1964]), negative when <paramref name="negative"/>.</summary>
    public double Tail(ref RandomStream rng, bool negative)
    {
        double x, y;
        do
        {
            // 1 − U lies in (0, 1]: its logarithm is finite.
            x = -Math.Log(1 - rng.NextUniform()) / TailStart;
            y = -Math.Log(1 - rng.NextUniform());
        }
        while (y + y < x * x);

        return negative ? -(TailStart + x) : TailStart + x;
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x);
}
