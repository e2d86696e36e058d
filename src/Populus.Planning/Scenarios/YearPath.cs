using System.Collections.Immutable;

namespace Populus.Planning.Scenarios;

/// <summary>A level given at some years, read at any year: linear between the years given, held before the first and after the last.</summary>
/// <remarks>Scenario files give an assumption at a few years (the observed base, a turning point, the horizon), as
/// planners state paths ("TFR rising to 1.5 by 2030"). Holding the end values avoids extrapolating a trend past what
/// the scenario says.</remarks>
public sealed class YearPath
{
    private readonly int[] _years;
    private readonly double[] _values;

    /// <exception cref="ArgumentException">No value, a year given twice, or a value that is not finite.</exception>
    public YearPath(IEnumerable<KeyValuePair<int, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderBy(v => v.Key).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A path needs at least one year with a value.", nameof(values));
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(sorted[i].Value))
            {
                throw new ArgumentException($"The value for {sorted[i].Key} is {sorted[i].Value}, not a finite number.", nameof(values));
            }

            if (i > 0 && sorted[i].Key == sorted[i - 1].Key)
            {
                throw new ArgumentException($"Year {sorted[i].Key} is given twice.", nameof(values));
            }
        }

        _years = [.. sorted.Select(v => v.Key)];
        _values = [.. sorted.Select(v => v.Value)];
    }

    /// <summary>The same value in every year.</summary>
    public static YearPath Constant(double value) => new([new KeyValuePair<int, double>(0, value)]);

    /// <summary>This path before <paramref name="year"/> and <paramref name="value"/> from it on: the years given before
    /// it, the value this path reads the year before, then the new level, held.</summary>
    public YearPath ReplacedFrom(int year, double value) =>
        new(_years.Zip(_values).Where(p => p.First < year - 1).Select(p => new KeyValuePair<int, double>(p.First, p.Second))
            .Append(new KeyValuePair<int, double>(year - 1, At(year - 1))).Append(new KeyValuePair<int, double>(year, value)));

    /// <summary>This path with <paramref name="value"/> in <paramref name="year"/> and every other year as before: the
    /// years around it are given their values first, so the lines through them are kept.</summary>
    public YearPath With(int year, double value) =>
        new(_years.Zip(_values).Where(p => p.First < year - 1 || p.First > year + 1).Select(p => new KeyValuePair<int, double>(p.First, p.Second))
            .Append(new KeyValuePair<int, double>(year - 1, At(year - 1))).Append(new KeyValuePair<int, double>(year, value))
            .Append(new KeyValuePair<int, double>(year + 1, At(year + 1))));

    /// <summary>The years given, ascending.</summary>
    public ImmutableArray<int> Years => [.. _years];

    /// <summary>The value in <paramref name="year"/>.</summary>
    public double At(int year)
    {
        var j = Array.BinarySearch(_years, year);
        if (j >= 0)
        {
            return _values[j];
        }

        var next = ~j;
        if (next == 0)
        {
            return _values[0];
        }

        if (next == _years.Length)
        {
            return _values[^1];
        }

        var w = (double)(year - _years[next - 1]) / (_years[next] - _years[next - 1]);
        return _values[next - 1] + (w * (_values[next] - _values[next - 1]));
    }
}
