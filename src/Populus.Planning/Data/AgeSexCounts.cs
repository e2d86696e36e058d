using System.Numerics.Tensors;
using Populus.Demography;
using Populus.Demography.Projection;

namespace Populus.Planning.Data;

/// <summary>
/// Counts of persons (or events: births by mother's age and child's sex, deaths by age and sex) by age group,
/// for both sexes together and, when the source gives it, by sex.
/// </summary>
/// <remarks>
/// Sources often print coarse groups without a sex split (the plan's Table 3 has 0–14, 15–59, 60+ only), so the
/// sex split is optional and a sum is only answered when the asked ages fall on group bounds: a sum that would
/// need splitting a group is reported as missing with the reason rather than guessed.
/// </remarks>
public sealed class AgeSexCounts
{
    private AgeSexCounts(PopulationByAge total, PopulationByAgeSex? bySex)
    {
        Total = total;
        BySex = bySex;
    }

    /// <summary>Both sexes together.</summary>
    public PopulationByAge Total { get; }

    /// <summary>By sex, or null when the source gives no sex split.</summary>
    public PopulationByAgeSex? BySex { get; }

    public AgeGroups Ages => Total.Ages;

    /// <summary>Counts without a sex split.</summary>
    public static AgeSexCounts BothSexes(PopulationByAge total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return new AgeSexCounts(total, null);
    }

    /// <summary>Counts by sex; the total is their sum.</summary>
    public static AgeSexCounts Split(PopulationByAgeSex bySex)
    {
        ArgumentNullException.ThrowIfNull(bySex);
        return Split(bySex, new double[bySex.Ages.Count]);
    }

    /// <summary>Counts by sex, their total written into <paramref name="sum"/> (an array of the caller's, which the counts then own).</summary>
    internal static AgeSexCounts Split(PopulationByAgeSex bySex, double[] sum)
    {
        TensorPrimitives.Add(bySex.Male.Values, bySex.Female.Values, sum);
        // The sum of two checked schedules is never negative; only an overflow to infinity could fail the check.
        return new AgeSexCounts(Kernels.AllFinite(sum) ? PopulationByAge.Trusted(bySex.Ages, sum) : new PopulationByAge(bySex.Ages, sum), bySex);
    }

    /// <summary>The sum over <paramref name="range"/> for one sex (null = both).</summary>
    /// <param name="reason">Why no sum can be given: no sex split, or a range bound inside an age group or
    /// outside the ages covered.</param>
    public bool TrySum(AgeRange range, Sex? sex, out double sum, out Reason? reason)
    {
        sum = 0;
        PopulationByAge counts;
        if (sex is { } s)
        {
            if (BySex is null)
            {
                reason = new($"no sex split is given (only both sexes, ages {Ages})", $"没有分性别数据（只有两性合计，年龄组 {Ages}）");
                return false;
            }

            counts = BySex[s];
        }
        else
        {
            counts = Total;
        }

        if (!TryIndices(range, out var first, out var last, out reason))
        {
            return false;
        }

        sum = Kernels.Sum(counts.Values[first..(last + 1)]);
        return true;
    }

    /// <summary>The sum of one sex over each closed group of <paramref name="groups"/>, as <see cref="TrySum"/> gives it for
    /// the group's range, into <paramref name="sums"/>; false at the first group that cannot be summed, the sums before
    /// it given.</summary>
    /// <param name="failed">The group that cannot be summed, or −1.</param>
    /// <param name="reason">Why, as <see cref="TrySum"/> says it.</param>
    internal bool TrySumGroups(AgeGroups groups, Sex sex, Span<double> sums, out int failed, out Reason? reason)
    {
        // Single years below the open age of a single-year table: each group's sum is the count at its offset (plus
        // zero, the sum's first term, as TrySum adds it); a probabilistic run asks for hundreds of TFRs a trajectory.
        var offset = Ages.IsSingleYear && groups.IsSingleYear ? Ages.IndexOf(groups.FirstAge) : -1;
        if (offset >= 0 && offset + groups.Count < Ages.Count && BySex is { } bySex)
        {
            TensorPrimitives.Add(bySex[sex].Values.Slice(offset, groups.Count), 0.0, sums);
            (failed, reason) = (-1, null);
            return true;
        }

        for (var i = 0; i < groups.Count; i++)
        {
            if (!TrySum(new AgeRange(groups.Start(i), groups.Start(i) + groups.Width(i)), sex, out sums[i], out reason))
            {
                failed = i;
                return false;
            }
        }

        (failed, reason) = (-1, null);
        return true;
    }

    /// <summary>The group indices spanned by <paramref name="range"/>, when its bounds are group bounds.</summary>
    private bool TryIndices(AgeRange range, out int first, out int last, out Reason? reason)
    {
        first = 0;
        last = Ages.Count - 1;
        reason = null;
        if (range.IsAll)
        {
            return true;
        }

        if (range.From > 0 || Ages.FirstAge > 0)
        {
            first = StartIndex(range.From);
            if (first < 0)
            {
                reason = NotABound(range.From);
                return false;
            }
        }

        if (range.To is { } to)
        {
            var next = to == Ages.End ? Ages.Count : StartIndex(to);
            if (next < 0)
            {
                reason = NotABound(to);
                return false;
            }

            last = next - 1;
        }
        else if (!Ages.IsOpenEnded)
        {
            reason = new($"ages {range} reach beyond the last age group {Ages.Label(Ages.Count - 1)}", $"年龄 {range} 超出最后一个年龄组 {Ages.Label(Ages.Count - 1)}");
            return false;
        }

        return true;
    }

    private int StartIndex(int age)
    {
        var i = Ages.IndexOf(age);
        return i >= 0 && Ages.Start(i) == age ? i : -1;
    }

    /// <summary>Why the counts cannot be cut at <paramref name="age"/>, in words an analyst reads: a region and year with
    /// only a total stored (a year-end or bulletin figure) has no breakdown by age at all; otherwise the stored groups do
    /// not split there.</summary>
    private Reason NotABound(int age) => Ages.Count == 1
        ? new($"age {age} is not a bound of the age groups {Ages.Label(0)}: only a total of all ages is stored, no breakdown by age",
            "只有全部年龄的合计人数，没有分年龄的人数")
        : new($"age {age} is not a bound of the age groups {string.Join(", ", Ages.Labels())}",
            $"现有数据的年龄组为{string.Join("、", Ages.Labels())}（岁），不能在{age}岁处分开");
}
