using Populus.Services.People;
using Populus.Services.Rules;
using Populus.Services.Settlement;

namespace Populus.Services.Tests.Rules;

public class SettlementTests
{
    private static readonly DateOnly Day = new(2024, 6, 1);
    private static readonly SettlementCheck Check = new(RuleBook.Default());

    [Fact]
    public void Bachelor_IsEligibleUnderTheCollegeRule_CitingIdVersionAndReason()
    {
        var d = Check.Check(new Person { Education = Education.Bachelor }, Day);
        Assert.Equal(Outcome.Met, d.Outcome);
        Assert.Equal("SETTLE-COLLEGE v1", d.Basis!.Rule.Citation);
        Assert.Contains("education bachelor meets education>=junior_college", d.Basis.Reason);
        Assert.Contains("大专(含技工院校高级工班)以上学历", d.Basis.Rule.Sentence);
    }

    [Fact]
    public void Reasons_InParts_ThePersonsValueTheComparisonAndWhetherItHeld()
    {
        var met = Check.Check(new Person { Education = Education.Master }, Day).Basis!.Result;
        Assert.Equal([new ConditionCheck("education", "master", ">=", "junior_college", true)], met.Checks);

        var person = new Person { BirthDate = Day.AddYears(-40), Education = Education.SecondaryVocational, Title = ProfessionalTitle.None, Skill = SkillGrade.None };
        var young = Check.Check(person, Day).Findings.Single(f => f.Rule.Id == "SETTLE-YOUNG-VOCATIONAL").Result;
        Assert.Equal(Outcome.NotMet, young.Outcome);
        var failed = Assert.Single(young.Checks, c => !c.Held);
        Assert.Equal(("age", "40", "<=", "35"), (failed.Attribute, failed.Value, failed.Operator, failed.Threshold));
        Assert.Equal(string.Join("; ", young.Checks), young.Reason);

        var unknown = Check.Check(new Person { Education = Education.JuniorSecondary }, Day);
        Assert.All(unknown.Findings.Where(f => f.Outcome == Outcome.NotKnown), f => Assert.Empty(f.Result.Checks));
        Assert.Equal(unknown.Findings.SelectMany(f => f.Result.Missing).Distinct().Order(StringComparer.Ordinal), unknown.Missing);
        Assert.Contains("title", unknown.Missing);
    }

    [Fact]
    public void SeniorWorkerClassOfATechnicalSchool_CountsAsCollege()
    {
        Assert.Equal("SETTLE-COLLEGE", Check.Check(new Person { Education = Education.SeniorWorkerClass }, Day).Basis!.Rule.Id);
    }

    /// <summary>
    /// 35周岁以下 includes 35 (Civil Code art. 1259: 以上、以下、以内、届满 包括本数): met until the 36th birthday. The limit
    /// and its comparison are the plan's, as data/plan/targets-text.csv (TT76) records them.
    /// </summary>
    [Theory]
    [InlineData(34, 0, Outcome.Met)]
    [InlineData(35, 0, Outcome.Met)]      // on the 35th birthday
    [InlineData(36, 1, Outcome.Met)]      // the day before the 36th birthday: still 35
    [InlineData(36, 0, Outcome.NotMet)]   // on the 36th birthday
    public void SecondaryVocational_Qualifies35AndUnder(int years, int daysLess, Outcome expected)
    {
        var (comparator, limit) = PlanLimit("TT76");
        Assert.Equal(("<=", 35), (comparator, limit));
        var person = new Person { BirthDate = Day.AddYears(-years).AddDays(daysLess), Education = Education.SecondaryVocational, Title = ProfessionalTitle.None, Skill = SkillGrade.None };
        var d = Check.Check(person, Day);
        Assert.Equal(expected, d.Outcome);
        if (expected == Outcome.NotMet)
        {
            Assert.Contains($"age {years} does not meet age<={limit}", d.Summary);
        }
    }

    /// <summary>
    /// Born on 29 February, a person completes a year in a common year on 28 February: Civil Code art. 202 ends a
    /// period counted in years on the corresponding day, and where the month has none, on its last day.
    /// </summary>
    [Fact]
    public void ALeapDayBirthday_FallsOn28FebruaryInACommonYear()
    {
        var person = new Person { BirthDate = new DateOnly(2000, 2, 29), Education = Education.SecondaryVocational, Title = ProfessionalTitle.None, Skill = SkillGrade.None };
        Assert.Equal((34, 35), (person.AgeOn(new DateOnly(2035, 2, 27)), person.AgeOn(new DateOnly(2035, 2, 28))));
        Assert.Equal(Outcome.Met, Check.Check(person, new DateOnly(2035, 12, 31)).Outcome);
        // 2036 is a leap year: the 36th birthday is 29 February itself.
        Assert.Equal((35, 36), (person.AgeOn(new DateOnly(2036, 2, 28)), person.AgeOn(new DateOnly(2036, 2, 29))));
    }

    /// <summary>The comparison and value of a plan threshold (data/plan/targets-text.csv).</summary>
    internal static (string Comparator, int Value) PlanLimit(string id)
    {
        using var table = Populus.Storage.Tabular.CsvTable.Open(TestData.RepoPath("data/plan/targets-text.csv"), "id", "comparator", "value");
        var row = table.Records().Single(r => r.Text("id") == id);
        return (row.Text("comparator")!, int.Parse(row.Text("value")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GeneralSeniorSecondary_SameLevelButNotTheVocationalTrack_DoesNotQualify()
    {
        var d = Check.Check(new Person { BirthDate = new DateOnly(2000, 1, 1), Education = Education.SeniorSecondary, Skill = SkillGrade.None, Title = ProfessionalTitle.None }, Day);
        Assert.Equal(Outcome.NotMet, d.Outcome);
    }

    [Fact]
    public void IntermediateWorkerUnder35_QualifiesBySkill_SeniorWorkerAtAnyAge()
    {
        Assert.Equal("SETTLE-YOUNG-SKILL", Check.Check(new Person { BirthDate = new DateOnly(1995, 1, 1), Skill = SkillGrade.IntermediateWorker, Education = Education.JuniorSecondary }, Day).Basis!.Rule.Id);
        Assert.Equal("SETTLE-SKILL", Check.Check(new Person { BirthDate = new DateOnly(1970, 1, 1), Skill = SkillGrade.SeniorWorker, Education = Education.JuniorSecondary }, Day).Basis!.Rule.Id);
    }

    [Fact]
    public void MissingBirthDate_IsNotKnownAndSaysWhatToGive()
    {
        var d = Check.Check(new Person { Education = Education.SecondaryVocational, Title = ProfessionalTitle.None, Skill = SkillGrade.None }, Day);
        Assert.Equal(Outcome.NotKnown, d.Outcome);
        Assert.Equal(["birth_date"], d.Missing);
    }

    [Fact]
    public void Tenant_NeedsTheOwnersConsent()
    {
        var without = Check.Check(new Person { Education = Education.Master, Housing = Housing.Rented, OwnerConsent = false }, Day);
        Assert.Equal(Outcome.NotMet, Assert.Single(without.Address).Outcome);
        var with = Check.Check(new Person { Education = Education.Master, Housing = Housing.Rented, OwnerConsent = true }, Day);
        Assert.Equal(Outcome.Met, Assert.Single(with.Address).Outcome);
        Assert.Equal("SETTLE-TENANT v1", with.Address[0].Rule.Citation);
    }

    [Fact]
    public void ARuleChange_IsDataOnly_NewVersionAppliesFromItsDate()
    {
        var rules = RuleBook.Parse("rules.csv",
            "rule_id,version,effective_from,effective_to,policy,condition,benefit_zh,benefit_en\n" +
            "SETTLE-YOUNG-VOCATIONAL,1,2021-01-01,2029-12-31,settlement,age<35 & education=secondary_vocational,x,x\n" +
            "SETTLE-YOUNG-VOCATIONAL,2,2030-01-01,,settlement,age<40 & education=secondary_vocational,x,x\n");
        var person = new Person { BirthDate = new DateOnly(1992, 1, 1), Education = Education.SecondaryVocational };
        var check = new SettlementCheck(rules);
        Assert.Equal(Outcome.NotMet, check.Check(person, new DateOnly(2029, 6, 1)).Outcome);
        var later = check.Check(person, new DateOnly(2030, 6, 1));
        Assert.Equal("SETTLE-YOUNG-VOCATIONAL v2", later.Basis!.Rule.Citation);
    }
}
