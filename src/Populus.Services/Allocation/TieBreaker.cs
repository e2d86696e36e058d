namespace Populus.Services.Allocation;

/// <summary>
/// How applicants with equal points are ordered, in the configured order; the seeded lottery comes last and
/// orders everyone, so the ranking is total.
/// </summary>
public enum TieBreaker
{
    /// <summary>Longer residence first (days to the scoring day).</summary>
    Residence,

    /// <summary>More months with social-insurance contributions first (all months before the scoring month).</summary>
    Insurance,

    /// <summary>Lower draw first: SHA-256 of the published seed and the application id (see <see cref="SeededLottery"/>).</summary>
    Lottery,
}

public static class TieBreakers
{
    public static readonly IReadOnlyList<TieBreaker> Default = [TieBreaker.Residence, TieBreaker.Insurance, TieBreaker.Lottery];

    /// <summary>Reads "residence,insurance,lottery"; the lottery must be last, each named once.</summary>
    /// <exception cref="ArgumentException">Unknown, repeated, or no lottery at the end.</exception>
    public static IReadOnlyList<TieBreaker> Parse(string text)
    {
        var list = new List<TieBreaker>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<TieBreaker>(part, ignoreCase: true, out var t) || !Enum.IsDefined(t) || int.TryParse(part, out _))
            {
                throw new ArgumentException($"'{part}' is not a tie-breaker: write residence, insurance, lottery.", nameof(text));
            }

            if (list.Contains(t))
            {
                throw new ArgumentException($"tie-breaker '{part}' is named twice.", nameof(text));
            }

            list.Add(t);
        }

        if (list.Count == 0 || list[^1] != TieBreaker.Lottery)
        {
            throw new ArgumentException("the tie-breakers must end with lottery, so that every tie is broken reproducibly.", nameof(text));
        }

        return list;
    }

    public static string Format(IEnumerable<TieBreaker> tieBreakers) => string.Join(",", tieBreakers.Select(t => t.ToString().ToLowerInvariant()));
}
