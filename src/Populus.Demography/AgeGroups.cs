using System.Collections.Immutable;

namespace Populus.Demography;

/// <summary>
/// A partition of ages into contiguous groups: single years (0, 1, …, 99, 100+), abridged (0, 1–4, 5–9, …, 85+),
/// five-year groups, or a closed range such as the reproductive ages 15–49.
/// </summary>
/// <remarks>
/// The last group is either open (ω+, no upper bound) or closed at <see cref="End"/>. Two schedules can only be
/// combined when their age groups are equal; mixing schemes throws rather than silently misaligning ages.
/// </remarks>
public sealed class AgeGroups : IEquatable<AgeGroups>
{
    private readonly int[] _starts;
    private readonly bool _consecutive; // one group a year up to the last start: a group's index is its age's offset

    private AgeGroups(int[] starts, int? end)
    {
        _starts = starts;
        End = end;
        _consecutive = starts[^1] - starts[0] == starts.Length - 1; // starts ascend strictly, so they are every year between
    }

    /// <summary>The standard single-year grid 0, 1, …, openAge−1, openAge+ (WPP uses 100+).</summary>
    public static AgeGroups SingleYear(int openAge = 100)
    {
        if (openAge < 1)
        {
            Guard.ThrowRange(nameof(openAge), openAge, "must be at least 1");
        }

        return new AgeGroups(Enumerable.Range(0, openAge + 1).ToArray(), null);
    }

    /// <summary>Closed single-year ages <paramref name="first"/> … <paramref name="last"/> (for example 15–49).</summary>
    public static AgeGroups SingleYearRange(int first, int last)
    {
        if (first < 0 || last < first)
        {
            Guard.ThrowArgument(nameof(last), $"Age range {first}–{last} is empty or negative.");
        }

        return new AgeGroups(Enumerable.Range(first, last - first + 1).ToArray(), last + 1);
    }

    /// <summary>The abridged grid of life tables: 0, 1–4, 5–9, …, openAge+ (openAge a multiple of 5, ≥ 5).</summary>
    public static AgeGroups Abridged(int openAge = 85)
    {
        if (openAge < 5 || openAge % 5 != 0)
        {
            Guard.ThrowRange(nameof(openAge), openAge, "must be a multiple of 5 and at least 5");
        }

        var starts = new List<int> { 0, 1 };
        for (var a = 5; a <= openAge; a += 5)
        {
            starts.Add(a);
        }

        return new AgeGroups([.. starts], null);
    }

    /// <summary>Five-year groups from <paramref name="first"/>; open at <paramref name="openAge"/>, or closed there when <paramref name="open"/> is false.</summary>
    public static AgeGroups FiveYear(int first, int openAge, bool open = true)
    {
        if (first < 0 || first % 5 != 0 || openAge <= first || openAge % 5 != 0)
        {
            Guard.ThrowArgument(nameof(openAge), $"Five-year groups need multiples of 5 with {first} < {openAge}.");
        }

        var starts = new List<int>();
        for (var a = first; a < openAge; a += 5)
        {
            starts.Add(a);
        }

        if (open)
        {
            starts.Add(openAge);
            return new AgeGroups([.. starts], null);
        }

        return new AgeGroups([.. starts], openAge);
    }

    /// <summary>Groups from their lower bounds; the last group is open unless <paramref name="end"/> closes it.</summary>
    /// <exception cref="ArgumentException">Bounds are empty, negative or not strictly increasing, or end ≤ last start.</exception>
    public static AgeGroups FromStarts(IEnumerable<int> starts, int? end = null)
    {
        Guard.NotNull(starts);
        var s = starts.ToArray();
        if (s.Length == 0)
        {
            Guard.ThrowArgument(nameof(starts), "At least one age group is needed.");
        }

        if (s[0] < 0)
        {
            Guard.ThrowArgument(nameof(starts), $"Age {s[0]} is negative.");
        }

        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] <= s[i - 1])
            {
                Guard.ThrowArgument(nameof(starts), $"Age groups must increase: {s[i]} follows {s[i - 1]}.");
            }
        }

        if (end is { } e && e <= s[^1])
        {
            Guard.ThrowArgument(nameof(end), $"The upper bound {e} must exceed the last group's start {s[^1]}.");
        }

        return new AgeGroups(s, end);
    }

    /// <summary>Number of groups.</summary>
    public int Count => _starts.Length;

    /// <summary>Lower bounds of the groups.</summary>
    public ReadOnlySpan<int> Starts => _starts;

    /// <summary>The exclusive upper bound of a closed last group, or null when the last group is open.</summary>
    public int? End { get; }

    /// <summary>True when the last group has no upper bound (ω+).</summary>
    public bool IsOpenEnded => End is null;

    /// <summary>The start of the open last group.</summary>
    /// <exception cref="InvalidOperationException">The groups are closed.</exception>
    public int OpenAge => IsOpenEnded
        ? _starts[^1]
        : throw new InvalidOperationException($"Age groups {Label(0)}…{Label(Count - 1)} have no open age group.");

    /// <summary>The first age covered.</summary>
    public int FirstAge => _starts[0];

    /// <summary>True when every closed group is one year wide.</summary>
    public bool IsSingleYear => _consecutive && (End is not { } end || end == _starts[^1] + 1);

    /// <summary>True for the life-table grid 0, 1–4, 5–9, … with an open last group.</summary>
    public bool IsAbridged => IsOpenEnded && Count >= 3 && _starts[0] == 0 && _starts[1] == 1 && _starts[2] == 5 &&
                              Equals(Abridged(OpenAge));

    /// <summary>Lower bound of group <paramref name="index"/>.</summary>
    public int Start(int index) => _starts[index];

    /// <summary>True for the open last group.</summary>
    public bool IsOpen(int index) => IsOpenEnded && index == Count - 1;

    /// <summary>Width n of a closed group.</summary>
    /// <exception cref="InvalidOperationException">The group is open.</exception>
    public int Width(int index)
    {
        if (index < Count - 1)
        {
            return _starts[index + 1] - _starts[index];
        }

        return End is { } e
            ? e - _starts[index]
            : throw new InvalidOperationException($"The open age group {Label(index)} has no width.");
    }

    /// <summary>Where each of these groups starts on a finer <paramref name="grid"/> (an index of the grid), then the
    /// grid's count: the bounds by which the grid's values are summed into these groups, the last group taking the rest
    /// of the grid.</summary>
    public int[] BoundsOn(AgeGroups grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return [.. _starts.Select(grid.IndexOf), grid.Count];
    }

    /// <summary>The index of the group containing <paramref name="age"/>, or −1 when no group does.</summary>
    public int IndexOf(int age)
    {
        if (age < _starts[0] || (End is { } e && age >= e))
        {
            return -1;
        }

        if (_consecutive)
        {
            // The last group may be wider (open, or closed at End): every age from its start on is in it.
            return Math.Min(age - _starts[0], _starts.Length - 1);
        }

        var i = Array.BinarySearch(_starts, age);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>A label in the field's usual form: "0", "1-4", "85+".</summary>
    public string Label(int index)
    {
        if (IsOpen(index))
        {
            return $"{_starts[index]}+";
        }

        var w = Width(index);
        return w == 1 ? _starts[index].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{_starts[index]}-{_starts[index] + w - 1}";
    }

    /// <summary>All labels, in order.</summary>
    public ImmutableArray<string> Labels() => [.. Enumerable.Range(0, Count).Select(Label)];

    public bool Equals(AgeGroups? other) =>
        other is not null && (ReferenceEquals(this, other) || (End == other.End && _starts.AsSpan().SequenceEqual(other._starts)));

    public override bool Equals(object? obj) => Equals(obj as AgeGroups);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(End);
        foreach (var s in _starts)
        {
            h.Add(s);
        }

        return h.ToHashCode();
    }

    public override string ToString() => $"{Label(0)}, …, {Label(Count - 1)} ({Count} groups)";

    /// <summary>Throws when two schedules' age groups differ.</summary>
    internal void RequireSame(AgeGroups other, string what)
    {
        if (!Equals(other))
        {
            Guard.ThrowArgument(what, $"{what}: age groups differ ({this} vs {other}).");
        }
    }
}
