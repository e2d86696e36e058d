using System.Collections.Immutable;

namespace Populus.Demography.Projection;

/// <summary>One axis of a multistate population: region, residence (urban/rural), education attainment, hukou status.</summary>
public sealed class StateDimension
{
    /// <param name="name">What the axis is ("region", "residence").</param>
    /// <param name="levels">Its values, in order ("urban", "rural"); at least one, no duplicates, none blank.</param>
    /// <exception cref="ArgumentException">The name is blank, or the levels are empty, blank or repeated.</exception>
    public StateDimension(string name, IEnumerable<string> levels)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Guard.ThrowArgument(nameof(name), "A state dimension needs a name.");
        }

        Guard.NotNull(levels);
        var l = levels.ToImmutableArray();
        if (l.IsEmpty)
        {
            Guard.ThrowArgument(nameof(levels), $"State dimension '{name}' needs at least one level.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in l)
        {
            if (string.IsNullOrWhiteSpace(level))
            {
                Guard.ThrowArgument(nameof(levels), $"State dimension '{name}' has a blank level.");
            }

            if (!seen.Add(level))
            {
                Guard.ThrowArgument(nameof(levels), $"State dimension '{name}' lists level '{level}' twice.");
            }
        }

        Name = name;
        Levels = l;
    }

    public string Name { get; }

    public ImmutableArray<string> Levels { get; }

    public int Count => Levels.Length;

    /// <summary>The position of a level, or −1.</summary>
    public int IndexOf(string level) => Levels.IndexOf(level, StringComparer.Ordinal);

    public override string ToString() => $"{Name} ({string.Join(", ", Levels)})";
}
