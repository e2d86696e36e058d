using System.Collections.Immutable;

namespace Populus.Demography.Projection;

/// <summary>
/// The states of a multistate projection: the Cartesian product of its dimensions (region × residence × education …).
/// A state is an index 0 … <see cref="Count"/>−1; the last dimension varies fastest.
/// </summary>
/// <remarks>
/// Rogers (1995) treats regions as states of one multidimensional life table; the Wittgenstein Centre projections
/// ([KC2013]) cross them with education. Treating every axis alike keeps the engine free of special cases: migration
/// between regions and reclassification between urban and rural are both transitions between states.
/// </remarks>
public sealed class StateSpace : IEquatable<StateSpace>
{
    private readonly int[] _strides;

    /// <exception cref="ArgumentException">No dimension is given, or two share a name.</exception>
    public StateSpace(IEnumerable<StateDimension> dimensions)
    {
        Guard.NotNull(dimensions);
        var d = dimensions.ToImmutableArray();
        if (d.IsEmpty)
        {
            Guard.ThrowArgument(nameof(dimensions), "A state space needs at least one dimension.");
        }

        if (d.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() != d.Length)
        {
            Guard.ThrowArgument(nameof(dimensions), "State dimensions must have distinct names.");
        }

        Dimensions = d;
        _strides = new int[d.Length];
        var count = 1;
        for (var i = d.Length - 1; i >= 0; i--)
        {
            _strides[i] = count;
            count *= d[i].Count;
        }

        Count = count;
    }

    public StateSpace(params StateDimension[] dimensions)
        : this((IEnumerable<StateDimension>)dimensions)
    {
    }

    /// <summary>One state: a single-region projection.</summary>
    public static StateSpace Single(string name = "total") => new(new StateDimension("state", [name]));

    /// <summary>One dimension "region" with the given names.</summary>
    public static StateSpace Regions(IEnumerable<string> names) => new(new StateDimension("region", names));

    public ImmutableArray<StateDimension> Dimensions { get; }

    /// <summary>Number of states (product of the dimensions' level counts).</summary>
    public int Count { get; }

    /// <summary>The state with the given level index on each dimension.</summary>
    /// <exception cref="ArgumentException">The number of levels differs from the number of dimensions, or one is out of range.</exception>
    public int IndexOf(params ReadOnlySpan<int> levels)
    {
        if (levels.Length != Dimensions.Length)
        {
            Guard.ThrowArgument(nameof(levels), $"{levels.Length} levels given for {Dimensions.Length} dimensions ({this}).");
        }

        var state = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            if ((uint)levels[i] >= (uint)Dimensions[i].Count)
            {
                Guard.ThrowRange(Dimensions[i].Name, levels[i], $"must be a level index below {Dimensions[i].Count}");
            }

            state += levels[i] * _strides[i];
        }

        return state;
    }

    /// <summary>The state with the given level names, one a dimension ("Lucheng", "urban").</summary>
    /// <exception cref="ArgumentException">A name is not a level of its dimension.</exception>
    public int IndexOf(params ReadOnlySpan<string> levels)
    {
        if (levels.Length != Dimensions.Length)
        {
            Guard.ThrowArgument(nameof(levels), $"{levels.Length} levels given for {Dimensions.Length} dimensions ({this}).");
        }

        Span<int> idx = stackalloc int[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            idx[i] = Dimensions[i].IndexOf(levels[i]);
            if (idx[i] < 0)
            {
                Guard.ThrowArgument(nameof(levels), $"'{levels[i]}' is not a level of {Dimensions[i]}.");
            }
        }

        return IndexOf(idx);
    }

    /// <summary>The level index of <paramref name="state"/> on dimension <paramref name="dimension"/>.</summary>
    public int Level(int state, int dimension)
    {
        CheckState(state);
        return state / _strides[dimension] % Dimensions[dimension].Count;
    }

    /// <summary>The state equal to <paramref name="state"/> except that dimension <paramref name="dimension"/> is at <paramref name="level"/>
    /// (the rural state of the same region, the same region with no education).</summary>
    public int WithLevel(int state, int dimension, int level)
    {
        CheckState(state);
        if ((uint)level >= (uint)Dimensions[dimension].Count)
        {
            Guard.ThrowRange(nameof(level), level, $"must be a level index of {Dimensions[dimension]}");
        }

        return state + (level - Level(state, dimension)) * _strides[dimension];
    }

    /// <summary>The position of the dimension called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No dimension has that name.</exception>
    public int DimensionIndex(string name)
    {
        for (var i = 0; i < Dimensions.Length; i++)
        {
            if (Dimensions[i].Name == name)
            {
                return i;
            }
        }

        Guard.ThrowArgument(nameof(name), $"The state space {this} has no dimension '{name}'.");
        return -1;
    }

    /// <summary>Level names joined by '/': "Lucheng/urban".</summary>
    public string Label(int state)
    {
        CheckState(state);
        return string.Join('/', Dimensions.Select((d, i) => d.Levels[Level(state, i)]));
    }

    public bool Equals(StateSpace? other)
    {
        if (other is null || other.Dimensions.Length != Dimensions.Length)
        {
            return false;
        }

        for (var i = 0; i < Dimensions.Length; i++)
        {
            if (Dimensions[i].Name != other.Dimensions[i].Name || !Dimensions[i].Levels.SequenceEqual(other.Dimensions[i].Levels))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as StateSpace);

    public override int GetHashCode() => HashCode.Combine(Count, Dimensions[0].Name);

    public override string ToString() => string.Join(" × ", Dimensions.Select(d => $"{d.Name}[{d.Count}]"));

    internal void CheckState(int state)
    {
        if ((uint)state >= (uint)Count)
        {
            Guard.ThrowRange(nameof(state), state, $"must be a state index below {Count}");
        }
    }
}
