using Populus.Services.People;
using Populus.Services.Points;
using Populus.Storage.Tabular;

namespace Populus.Services.Tests.Points;

public class PointsScorerTests
{
    private static readonly DateOnly Day = new(2025, 7, 1);
    private static readonly PointsScorer Scorer = new(PointsRuleTable.Example());

    private static PointsFacts Base => new()
    {
        Education = Education.Bachelor,
        Title = ProfessionalTitle.Intermediate,
        Housing = Housing.Rented,
        ResidenceSince = new DateOnly(2020, 3, 15),
        // Every month from July 2021 to June 2025: the whole 48-month window.
        InsuranceMonths = [.. Enumerable.Range(PointsFacts.MonthIndex(2021, 7), 48)],
    };

    private static double Item(ScoreSheet s, string id) => s.Items.Single(i => i.ItemId == id).Points;

    [Fact]
    public void ExampleTable_IsLabelledAsAnExample()
    {
        var table = PointsRuleTable.Example();
        Assert.Contains("EXAMPLE", table.Label);
        Assert.Equal(120, table.PassMark);
        Assert.All(table.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Evidence)));
    }

    [Fact]
    public void ItemisedScore_AddsUpItemByItem()
    {
        var s = Scorer.Score("A1", Base, Day);
        Assert.Equal(60, Item(s, "education"));
        Assert.Equal(60, Item(s, "title_or_skill"));
        Assert.Equal(20, Item(s, "social_insurance"));   // 48 months = 4 full years × 5
        Assert.Equal(10, Item(s, "residence"));          // 5 completed years (2020-03-15 to 2025-07-01) × 2
        Assert.Equal(10, Item(s, "housing"));
        Assert.Equal(160, s.Total);
        Assert.True(s.Passed);
        Assert.Equal(s.Items.Sum(i => i.Points), s.Total);
    }

    [Fact]
    public void InsuranceBelowTheMinimumInTheWindow_GivesNothing_AndSaysWhy()
    {
        // 35 months inside the window, plus older months outside it that must not count.
        var facts = Base with { InsuranceMonths = [.. Enumerable.Range(PointsFacts.MonthIndex(2015, 1), 24), .. Enumerable.Range(PointsFacts.MonthIndex(2022, 8), 35)] };
        var s = Scorer.Score("A1", facts, Day);
        var item = s.Items.Single(i => i.ItemId == "social_insurance");
        Assert.Equal(0, item.Points);
        Assert.Equal("35", item.Value);
        Assert.Contains("below the minimum 36", item.Note);
        var rule = PointsRuleTable.Example().Items.Single(i => i.Id == "social_insurance");
        Assert.Equal($"近 {rule.WindowMonths} 个月缴费 35 个月：低于最低要求 {rule.Minimum}，不计分", item.NoteZh);
    }

    [Fact]
    public void EveryItemSaysWhyInChinese_CodesByTheirChineseNames()
    {
        var s = Scorer.Score("A1", Base with { Events = [new PointsEvent("criminal_conviction", new DateOnly(2024, 2, 1), 1)] }, Day);
        Assert.All(s.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.NoteZh), i.ItemId));
        var education = PointsRuleTable.Example().Items.Single(i => i.Id == "education");
        Assert.Equal($"本科：{education.CodePoints!["bachelor"]} 分", s.Items.Single(i => i.ItemId == "education").NoteZh);
        var housing = PointsRuleTable.Example().Items.Single(i => i.Id == "housing");
        Assert.Equal($"租赁住房：{housing.CodePoints!["rented"]} 分", s.Items.Single(i => i.ItemId == "housing").NoteZh);
        var veto = PointsRuleTable.Example().Items.Single(i => i.Id == "criminal_conviction");
        Assert.Equal($"{veto.NameZh}：{veto.WindowMonths} 个月内有记录，不符合申请条件", s.Items.Single(i => i.ItemId == "criminal_conviction").NoteZh);
    }

    [Fact]
    public void TitleOrSkill_TakesTheBetterOfTheTwo()
    {
        var s = Scorer.Score("A1", Base with { Title = ProfessionalTitle.Junior, Skill = SkillGrade.Technician }, Day);
        Assert.Equal(60, Item(s, "title_or_skill"));
        Assert.Equal("technician", s.Items.Single(i => i.ItemId == "title_or_skill").Value);
    }

    [Fact]
    public void BonusesAreCapped_DeductionsSubtract_OldEventsFallOutOfTheWindow()
    {
        var facts = Base with
        {
            Events =
            [
                .. Enumerable.Range(0, 5).Select(i => new PointsEvent("award", new DateOnly(2022, 1, 1).AddDays(i), 1)),
                new PointsEvent("violation", new DateOnly(2024, 1, 1), 1),
                new PointsEvent("violation", new DateOnly(2019, 1, 1), 1),  // more than 60 months before the day
                new PointsEvent("volunteer_hours", new DateOnly(2024, 5, 1), 120),
            ],
        };
        var s = Scorer.Score("A1", facts, Day);
        Assert.Equal(30, Item(s, "awards"));       // 5 × 10 capped at 30
        Assert.Equal(-10, Item(s, "violations"));  // only the one inside the window
        Assert.Equal(4, Item(s, "volunteering"));  // 2 full units of 50 hours × 2
        Assert.Equal(160 + 30 - 10 + 4, s.Total);
    }

    [Fact]
    public void AVeto_DisqualifiesWhateverTheScore()
    {
        var s = Scorer.Score("A1", Base with { Events = [new PointsEvent("false_documents", new DateOnly(2024, 2, 1), 1)] }, Day);
        Assert.True(s.Total >= s.PassMark);
        Assert.True(s.Vetoed);
        Assert.False(s.Passed);
        Assert.Equal(["false_documents"], s.Vetoes);
    }

    [Fact]
    public void ScoringMany_EqualsScoringEachAlone()
    {
        var rng = new Random(7);
        var people = Enumerable.Range(0, 200).Select(i => ($"P{i}", Base with
        {
            Education = (Education)rng.Next(0, 10),
            Skill = (SkillGrade)rng.Next(0, 6),
            InsuranceMonths = [.. Enumerable.Range(PointsFacts.MonthIndex(2020, 1), rng.Next(0, 66))],
            Events = [new PointsEvent("blood_donation", new DateOnly(2024, 1, 1), rng.Next(1, 9))],
        })).ToList();
        var all = Scorer.ScoreAll(ApplicantTable.From(people), Day);
        for (var i = 0; i < people.Count; i++)
        {
            Assert.Equal(Scorer.Score(people[i].Item1, people[i].Item2, Day).Total, all.Totals[i]);
        }
    }

    [Fact]
    public void BadTable_ReportsEveryProblem()
    {
        var json = """
            { "table": "t", "version": 0, "effective_from": "2022-01-01", "label": "x", "pass_mark": 100,
              "items": [
                { "id": "a", "group": "basic", "sources": ["educaton"], "points": { "bachelor": 10 }, "cap": 10, "evidence": "x" },
                { "id": "b", "group": "deduction", "sources": ["event:violation"], "points_per_unit": 5, "cap": 10, "evidence": "x" },
                { "id": "a", "group": "bonus", "sources": ["short_supply"], "points": { "yes": 5 }, "cap": 5, "evidence": "x" }
              ] }
            """;
        var ex = Assert.Throws<InvalidInputException>(() => PointsRuleTable.Parse("t.json", json));
        Assert.Contains(ex.Errors, e => e.Column == "version");
        Assert.Contains(ex.Errors, e => e.Column == "items[0].sources" && e.Value == "educaton");
        Assert.Contains(ex.Errors, e => e.Column == "items[1].window_months");
        Assert.Contains(ex.Errors, e => e.Column == "items[1].points_per_unit" && e.Reason.Contains("negative"));
        Assert.Contains(ex.Errors, e => e.Column == "items[2].id");
    }
}
