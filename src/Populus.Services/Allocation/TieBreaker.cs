using Populus.Planning.Data;

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
    public static IReadOnlyList<TieBreaker> Parse(string text) =>
        TryParse(text, out var problem) ?? throw new ArgumentException(problem!.English, nameof(text));

    /// <summary>Reads "residence,insurance,lottery", or says why not in English and Chinese: the command line and the API
    /// read the order by this one rule.</summary>
    public static IReadOnlyList<TieBreaker>? TryParse(string text, out Reason? problem)
    {
        var list = new List<TieBreaker>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<TieBreaker>(part, ignoreCase: true, out var t) || !Enum.IsDefined(t) || int.TryParse(part, out _))
            {
                problem = new Reason($"'{part}' is not a tie-breaker: write residence, insurance, lottery.",
                    $"“{part}”不是同分排序规则：应写 residence（居住时间）、insurance（社保缴纳月数）、lottery（公开抽签）");
                return null;
            }

            if (list.Contains(t))
            {
                problem = new Reason($"tie-breaker '{part}' is named twice.", $"同分排序规则“{part}”重复");
                return null;
            }

            list.Add(t);
        }

        if (list.Count == 0 || list[^1] != TieBreaker.Lottery)
        {
            problem = new Reason("the tie-breakers must end with lottery, so that every tie is broken reproducibly.",
                "同分排序规则须以 lottery（公开抽签）结尾，使每个同分都能可复现地排定");
            return null;
        }

        problem = null;
        return list;
    }

    public static string Format(IEnumerable<TieBreaker> tieBreakers) => string.Join(",", tieBreakers.Select(t => t.ToString().ToLowerInvariant()));
}
