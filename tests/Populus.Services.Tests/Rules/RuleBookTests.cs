using System.Text.RegularExpressions;
using Populus.Services.Rules;
using Populus.Storage.Tabular;

namespace Populus.Services.Tests.Rules;

public class RuleBookTests
{
    private const string Header = "rule_id,version,effective_from,effective_to,policy,condition,benefit_zh,benefit_en\n";

    [Fact]
    public void ShippedRules_EachSentenceIsVerbatimInThePlanAtItsLine()
    {
        var book = RuleBook.Default();
        var lines = File.ReadAllLines(TestData.RepoPath("data/plan/wenzhou-population-plan-2021-2035.txt"));
        // The plan joined as data/README.md describes: page-number lines dropped, lines joined.
        var page = new Regex(@"^\s*[—–-]\s*\d+\s*[—–-]?\s*$");
        var joined = string.Concat(lines.Where(l => !page.IsMatch(l)));
        Assert.True(book.Rules.Count >= 20);
        foreach (var rule in book.Rules.Where(r => r.Sentence.Length > 0))
        {
            Assert.Contains(rule.Sentence, joined, StringComparison.Ordinal);
            var start = rule.Sentence[..Math.Min(12, rule.Sentence.Length)];
            Assert.True(lines[rule.SeedLine!.Value - 1].Contains(start, StringComparison.Ordinal), $"{rule.Citation}: line {rule.SeedLine} does not hold '{start}'");
        }

        Assert.All(book.Rules, r => Assert.NotEqual("", r.Sentence));
    }

    [Fact]
    public void ShippedSettlementRules_FollowThePlanThresholds()
    {
        var settlement = RuleBook.Default().InForce(new DateOnly(2024, 1, 1), "settlement").ToDictionary(r => r.Id, r => r.Condition.Text);
        Assert.Equal("education>=junior_college", settlement["SETTLE-COLLEGE"]);
        Assert.Equal("title>=junior", settlement["SETTLE-TITLE"]);
        Assert.Equal("skill>=senior_worker", settlement["SETTLE-SKILL"]);
        var (comparator, limit) = SettlementTests.PlanLimit("TT76");   // 35周岁以下, including 35
        Assert.Equal($"age{comparator}{limit} & education=secondary_vocational", settlement["SETTLE-YOUNG-VOCATIONAL"]);
        Assert.Equal($"age{comparator}{limit} & skill>=intermediate_worker", settlement["SETTLE-YOUNG-SKILL"]);
    }

    [Fact]
    public void BadFile_ReportsEveryProblemWithRowAndColumn()
    {
        var text = Header +
                   "A,1,2022-01-01,,settlement,educaton>=bachelor,x,x\n" +       // unknown attribute
                   "B,1,2022-01-01,,settlement,education>=phd,x,x\n" +           // unknown value
                   "C,1,2022-13-01,,settlement,age<35,x,x\n" +                   // bad date
                   "D,1,2022-01-01,,settlement,hukou>local,x,x\n" +              // order on a choice
                   "E,1,2022-01-01,,settlement,age<35,x,x\n" +
                   "E,2,2023-01-01,,settlement,age<40,x,x\n";                    // overlaps version 1
        var ex = Assert.Throws<InvalidInputException>(() => RuleBook.Parse("rules.csv", text));
        Assert.Contains(ex.Errors, e => e.Row == 2 && e.Column == "condition" && e.Reason.Contains("'educaton' is not an attribute"));
        Assert.Contains(ex.Errors, e => e.Row == 3 && e.Column == "condition" && e.Reason.Contains("education is one of"));
        Assert.Contains(ex.Errors, e => e.Row == 4 && e.Column == "effective_from");
        Assert.Contains(ex.Errors, e => e.Row == 5 && e.Reason.Contains("compared only with = or !="));
        Assert.Contains(ex.Errors, e => e.Row == 7 && e.Column == "effective_from" && e.Reason.Contains("version 1"));
        Assert.Equal(5, ex.Errors.Count);
    }

    [Fact]
    public void Versions_TheOneInForceOnTheDayApplies()
    {
        var book = RuleBook.Parse("rules.csv", Header +
            "YOUNG,1,2021-01-01,2029-12-31,settlement,age<35,x,x\n" +
            "YOUNG,2,2030-01-01,,settlement,age<40,x,x\n");
        Assert.Equal(1, Assert.Single(book.InForce(new DateOnly(2029, 12, 31))).Version);
        Assert.Equal(2, Assert.Single(book.InForce(new DateOnly(2030, 1, 1))).Version);
        Assert.Empty(book.InForce(new DateOnly(2020, 12, 31)));
    }
}
