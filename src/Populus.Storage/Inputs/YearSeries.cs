namespace Populus.Storage.Inputs;

/// <summary>Values given for some years; a year's value holds until the next year given (a step function).</summary>
public sealed class YearSeries<T>
    where T : class
{
    private readonly SortedList<int, T> _byYear;

    public YearSeries(IEnumerable<KeyValuePair<int, T>> values)
    {
        _byYear = new SortedList<int, T>(values.ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    /// <summary>The years given, ascending.</summary>
    public IList<int> Years => _byYear.Keys;

    /// <summary>The value in force in <paramref name="year"/>: that of the latest year given not after it, or null.</summary>
    public T? At(int year)
    {
        var keys = _byYear.Keys;
        int lo = 0, hi = keys.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (keys[mid] <= year)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : _byYear.Values[found];
    }
}
