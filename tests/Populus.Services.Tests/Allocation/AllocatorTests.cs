using Populus.Services.Allocation;
using Populus.Services.People;
using Populus.Services.Points;

namespace Populus.Services.Tests.Allocation;

public class AllocatorTests
{
    private static readonly DateOnly Day = new(2025, 7, 1);
    private static readonly PointsScorer Scorer = new(PointsRuleTable.Example());

    /// <summary>Applicants whose points tie often (few distinct fact combinations) and who all qualify.</summary>
    internal static List<(string Id, PointsFacts Facts)> Applicants(int n, int seed = 1)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i => ($"APP{i:D6}", new PointsFacts
        {
            Education = rng.Next(2) == 0 ? Education.Bachelor : Education.Master,
            Title = ProfessionalTitle.Intermediate,
            Housing = rng.Next(2) == 0 ? Housing.Rented : Housing.Owned,
            ResidenceSince = new DateOnly(2015, 1, 1).AddDays(rng.Next(0, 3000)),
            InsuranceMonths = [.. Enumerable.Range(PointsFacts.MonthIndex(2020, 1), 40 + rng.Next(0, 26))],
        }))];
    }

    private static readonly Quota[] Quotas = [new("Q1", "r", "school", "330302", 30), new("Q2", "r", "school", "330303", 20)];

    private static AllocationResult Run(IReadOnlyList<(string Id, PointsFacts Facts)> people, string seed, IReadOnlyList<TieBreaker>? tie = null) =>
        Allocator.Run(Scorer.ScoreAll(ApplicantTable.From(people), Day), [.. people.Select((_, i) => i % 3 == 0 ? new[] { 1, 0 } : [0, 1])],
            Quotas, tie ?? TieBreakers.Default, seed);

    private static Dictionary<string, (int Rank, AllocationOutcome Outcome, string? Quota)> ById(AllocationResult r) =>
        Enumerable.Range(0, r.Count).ToDictionary(i => r.Scores.Applicants.Id(i), i => (r.Rank[i], r.Outcome[i], r.QuotaId(i)));

    [Fact]
    public void Result_DoesNotDependOnTheOrderOfTheFile()
    {
        var people = Applicants(300);
        var shuffled = people.OrderBy(p => SeededLottery.Draw("shuffle", p.Id)).ToList();
        // Preferences follow the person, not the position.
        var prefs = people.ToDictionary(p => p.Id, p => int.Parse(p.Id[3..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0 ? new[] { 1, 0 } : [0, 1]);
        AllocationResult RunWith(List<(string Id, PointsFacts Facts)> list) =>
            Allocator.Run(Scorer.ScoreAll(ApplicantTable.From(list), Day), [.. list.Select(p => prefs[p.Id])], Quotas, TieBreakers.Default, "2025-seed");
        var a = RunWith(people);
        var b = RunWith(shuffled);
        Assert.Equal(ById(a), ById(b));
        Assert.Equal(a.ResultsSha256(), b.ResultsSha256());
    }

    [Fact]
    public void Places_NeverExceedTheQuota_AndNoOneWaitsWhileALowerRankGetsTheirFirstChoice()
    {
        var r = Run(Applicants(300), "seed");
        for (var q = 0; q < Quotas.Length; q++)
        {
            Assert.Equal(Quotas[q].Places, r.QuotaIndex.Count(x => x == q));
        }

        // Serial order: once a quota is full, nobody ranked later is placed in it.
        var fullAt = new int[Quotas.Length];
        foreach (var i in r.Order)
        {
            if (r.QuotaIndex[i] >= 0)
            {
                fullAt[r.QuotaIndex[i]] = r.Rank[i];
            }
        }

        foreach (var i in r.Order.Where(i => r.Outcome[i] == AllocationOutcome.Waitlisted))
        {
            Assert.All(fullAt, last => Assert.True(last < r.Rank[i]));
        }
    }

    [Fact]
    public void Ranking_IsByPointsThenTheTieBreakersInOrder()
    {
        var r = Run(Applicants(300), "seed");
        for (var k = 1; k < r.Order.Length; k++)
        {
            int a = r.Order[k - 1], b = r.Order[k];
            Assert.True(r.Scores.Totals[a] >= r.Scores.Totals[b]);
            if (r.Scores.Totals[a] == r.Scores.Totals[b])
            {
                Assert.True(r.Scores.ResidenceDays[a] >= r.Scores.ResidenceDays[b]);
                if (r.Scores.ResidenceDays[a] == r.Scores.ResidenceDays[b])
                {
                    Assert.True(r.Scores.InsuranceMonths[a] > r.Scores.InsuranceMonths[b] ||
                                (r.Scores.InsuranceMonths[a] == r.Scores.InsuranceMonths[b] && r.Draws[a] < r.Draws[b]));
                }
            }
        }
    }

    [Fact]
    public void TheSeed_OnlyReordersTies()
    {
        var people = Applicants(300);
        var tie = new[] { TieBreaker.Lottery };
        var a = Run(people, "seed-a", tie);
        var b = Run(people, "seed-b", tie);
        Assert.NotEqual(a.Order, b.Order);
        Assert.Equal(a.Order.Select(i => a.Scores.Totals[i]), b.Order.Select(i => b.Scores.Totals[i]));
        Assert.Equal(SeededLottery.Draw("seed-a", "APP000001"), SeededLottery.Draw("seed-a", "APP000001"));
    }

    [Theory]
    [InlineData("residence,insurance")]
    [InlineData("lottery,residence")]
    [InlineData("residence,residence,lottery")]
    [InlineData("age,lottery")]
    public void TieBreakers_MustBeKnownOnceEachAndEndWithTheLottery(string text) =>
        Assert.Throws<ArgumentException>(() => TieBreakers.Parse(text));
}
