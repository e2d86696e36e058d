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
        Assert.Equal(("age", "40", "<", "35"), (failed.Attribute, failed.Value, failed.Operator, failed.Threshold));
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

    [Theory]
    [InlineData(34, Outcome.Met)]      // 35周岁以下: 34 qualifies
    [InlineData(35, Outcome.NotMet)]   // read as under 35 (TT76)
    public void SecondaryVocational_QualifiesOnlyUnder35(int age, Outcome expected)
    {
        var person = new Person { BirthDate = Day.AddYears(-age), Education = Education.SecondaryVocational, Title = ProfessionalTitle.None, Skill = SkillGrade.None };
        var d = Check.Check(person, Day);
        Assert.Equal(expected, d.Outcome);
        if (expected == Outcome.NotMet)
        {
            Assert.Contains($"age {age} does not meet age<35", d.Summary);
        }
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
