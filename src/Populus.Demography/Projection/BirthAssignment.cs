using System.Numerics;

namespace Populus.Demography.Projection;

/// <summary>The rule that places each state's births into states: with the mother, or by given shares.</summary>
/// <remarks>
/// In a multiregional projection a child is born where the mother lives ([Rogers1995]). In an education projection
/// every child starts with no education whatever the mother's level ([KC2013]); hukou status may follow the mother's
/// or be given by shares. All are one sparse matrix of shares from mother's state to child's state, stored by child
/// so each child state gathers its births in a fixed order.
/// </remarks>
public sealed class BirthAssignment
{
    private readonly int[] _childStart;
    private readonly int[] _mother;
    private readonly double[] _share;

    private BirthAssignment(StateSpace states, List<(int Mother, int Child, double Share)> shares, bool isMothersState)
    {
        States = states;
        IsMothersState = isMothersState;
        var ordered = shares.OrderBy(x => x.Child).ThenBy(x => x.Mother).ToArray();
        _childStart = new int[states.Count + 1];
        _mother = new int[ordered.Length];
        _share = new double[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            _childStart[ordered[i].Child + 1]++;
            _mother[i] = ordered[i].Mother;
            _share[i] = ordered[i].Share;
        }

        for (var s = 0; s < states.Count; s++)
        {
            _childStart[s + 1] += _childStart[s];
        }
    }

    /// <summary>Children are born into their mother's state.</summary>
    public static BirthAssignment MothersState(StateSpace states)
    {
        Guard.NotNull(states);
        return new BirthAssignment(states, [.. Enumerable.Range(0, states.Count).Select(s => (s, s, 1.0))], isMothersState: true);
    }

    /// <summary>
    /// Children take the mother's level on every dimension except <paramref name="dimension"/>, where they start at
    /// <paramref name="level"/> (region of the mother, education "none").
    /// </summary>
    public static BirthAssignment SetLevel(StateSpace states, string dimension, string level)
    {
        Guard.NotNull(states);
        var d = states.DimensionIndex(dimension);
        var l = states.Dimensions[d].IndexOf(level);
        if (l < 0)
        {
            Guard.ThrowArgument(nameof(level), $"'{level}' is not a level of {states.Dimensions[d]}.");
        }

        return new BirthAssignment(states, [.. Enumerable.Range(0, states.Count).Select(s => (s, states.WithLevel(s, d, l), 1.0))], isMothersState: false);
    }

    /// <summary>Births of each mother's state split among child states by the given shares.</summary>
    /// <exception cref="ArgumentException">A share is negative, a pair is repeated, or a mother's shares do not sum to 1.</exception>
    public static BirthAssignment FromShares(StateSpace states, IEnumerable<(int Mother, int Child, double Share)> shares)
    {
        Guard.NotNull(states);
        Guard.NotNull(shares);
        var list = shares.ToList();
        var sums = new double[states.Count];
        var seen = new HashSet<(int, int)>();
        foreach (var (m, c, share) in list)
        {
            states.CheckState(m);
            states.CheckState(c);
            Guard.InRange(share, 0, 1, $"share of births from {states.Label(m)} to {states.Label(c)}");
            if (!seen.Add((m, c)))
            {
                Guard.ThrowArgument(nameof(shares), $"The share from {states.Label(m)} to {states.Label(c)} is given twice.");
            }

            sums[m] += share;
        }

        for (var m = 0; m < states.Count; m++)
        {
            if (Math.Abs(sums[m] - 1) > 1e-9)
            {
                Guard.ThrowArgument(nameof(shares), $"The shares of births to mothers in {states.Label(m)} sum to {sums[m]}, not 1.");
            }
        }

        return new BirthAssignment(states, list, isMothersState: false);
    }

    public StateSpace States { get; }

    /// <summary>True when every child is born into the mother's state.</summary>
    public bool IsMothersState { get; }

    /// <summary>Births placed in <paramref name="child"/> from births by mother's state <paramref name="byMother"/> (stride <paramref name="stride"/>, offset <paramref name="offset"/>).</summary>
    internal T Gather<T>(int child, ReadOnlySpan<T> byMother, int stride, int offset)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (var i = _childStart[child]; i < _childStart[child + 1]; i++)
        {
            sum += T.CreateTruncating(_share[i]) * byMother[_mother[i] * stride + offset];
        }

        return sum;
    }
}
