using Populus.Services.People;
using Populus.Services.Policies;
using Populus.Services.Rules;
using Populus.Storage.Tabular;

namespace Populus.Services.Tests.Rules;

public class PolicyFinderTests
{
    private static readonly PolicyFinder Finder = new(RuleBook.Default());

    [Fact]
    public void RecentGraduateInASmallFirm_GetsTheSubsidyTalentFAndSettlement_EachWithItsSentence()
    {
        var person = new Person
        {
            BirthDate = new DateOnly(1999, 5, 1), Education = Education.Bachelor, GraduationYear = 2021, Employment = Employment.FullTime,
            EmployerSize = EmployerSize.Small, NewArrival = true, Hukou = Hukou.Nonlocal, ResidencePermit = PermitHolding.Valid, Children = 0,
            Housing = Housing.Rented, HousingSupportEligible = false, Title = ProfessionalTitle.None, Skill = SkillGrade.None,
        };
        var answer = Finder.Find(person, new DateOnly(2024, 3, 1));
        var ids = answer.Applies.Select(p => p.Rule.Id).ToHashSet();
        Assert.Equal(TalentCategory.F, answer.TalentCategory);
        Assert.Contains("SUBSIDY-GRADUATE-SME", ids);
        Assert.Contains("TALENT-F-GRADUATE", ids);
        Assert.Contains("TALENT-SERVICES", ids);
        Assert.Contains("SETTLE-COLLEGE", ids);
        Assert.Contains("POINTS-HOUSING", ids);
        Assert.Contains("HOUSING-TALENT", ids);
        Assert.DoesNotContain("SUBSIDY-DOCTORATE", ids);
        Assert.DoesNotContain("POINTS-SCHOOL", ids);
        Assert.All(answer.Applies, p => Assert.NotEmpty(p.Sentence));
        Assert.Contains("分别给予就业补贴", answer.Applies.Single(p => p.Rule.Id == "SUBSIDY-GRADUATE-SME").Sentence);
    }

    [Fact]
    public void Subsidy_EndsWithThe510ActionPeriod_AndSixYearsAfterGraduationIsTooLate()
    {
        var person = new Person { Education = Education.Master, GraduationYear = 2020, Employment = Employment.FullTime, EmployerSize = EmployerSize.Medium, NewArrival = true };
        Assert.Contains(Finder.Find(person, new DateOnly(2025, 12, 31)).Applies, p => p.Rule.Id == "SUBSIDY-GRADUATE-SME");
        Assert.DoesNotContain(Finder.Find(person, new DateOnly(2026, 1, 1)).Applies, p => p.Rule.Id == "SUBSIDY-GRADUATE-SME");
        var late = person with { GraduationYear = 2018 };
        Assert.DoesNotContain(Finder.Find(late, new DateOnly(2024, 6, 1)).Applies, p => p.Rule.Id == "SUBSIDY-GRADUATE-SME");
    }

    /// <summary>40 周岁以下 includes 40 (Civil Code art. 1259), as data/plan/targets-text.csv (TT74) records the plan's limit.</summary>
    [Theory]
    [InlineData(39, true)]
    [InlineData(40, true)]
    [InlineData(41, false)]
    public void DoctorateSubsidy_40AndUnder(int age, bool applies)
    {
        Assert.Equal(("<=", 40), SettlementTests.PlanLimit("TT74"));
        var day = new DateOnly(2023, 9, 1);
        var person = new Person { BirthDate = day.AddYears(-age), Education = Education.Doctorate, Employment = Employment.FullTime, NewArrival = true };
        Assert.Equal(applies, Finder.Find(person, day).Applies.Any(p => p.Rule.Id == "SUBSIDY-DOCTORATE"));
    }

    [Fact]
    public void ThreeChildFamily_WithAToddler_GetsHousingPriorityAndChildcare()
    {
        var person = new Person { Children = 3, YoungestChildAge = 1, HousingSupportEligible = true, Housing = Housing.Rented, Hukou = Hukou.Local };
        var ids = Finder.Find(person, new DateOnly(2024, 1, 1)).Applies.Select(p => p.Rule.Id).ToList();
        Assert.Contains("HOUSING-THREE-CHILD", ids);
        Assert.Contains("CHILDCARE-TAX", ids);
        Assert.Contains("CHILDCARE-SERVICES", ids);
        Assert.Contains("CHILDCARE-PRESCHOOL-SUBSIDY", ids);
    }

    [Fact]
    public void MissingAttributes_MayApply_NotSilentlyDropped()
    {
        var answer = Finder.Find(new Person { Hukou = Hukou.Nonlocal }, new DateOnly(2024, 1, 1));
        Assert.Contains(answer.MayApply, p => p.Rule.Id == "POINTS-HOUSING" && p.Why.Contains("residence_permit"));
    }

    [Fact]
    public void PersonFile_RefusesUnknownAndBadFieldsWithReasons()
    {
        var ex = Assert.Throws<InvalidInputException>(() => PersonReader.Parse("me.json",
            """{"education":"phd","birth_date":"1990-02-30","childs":2,"children":-1,"new_arrival":"yes"}""", new DateOnly(2025, 6, 1)));
        Assert.Contains(ex.Errors, e => e.Column == "education" && e.Reason.Contains("junior_college"));
        Assert.Contains(ex.Errors, e => e.Column == "birth_date");
        Assert.Contains(ex.Errors, e => e.Column == "childs" && e.Reason.Contains("unknown field"));
        Assert.Contains(ex.Errors, e => e.Column == "children");
        Assert.Contains(ex.Errors, e => e.Column == "new_arrival");
        Assert.Equal(5, ex.Errors.Count);
    }

    [Fact]
    public void PersonFile_RefusesABirthDateAfterTheDayAsked()
    {
        const string json = """{"birth_date":"2030-01-01","education":"secondary_vocational"}""";
        var ex = Assert.Throws<InvalidInputException>(() => PersonReader.Parse("f.json", json, new DateOnly(2025, 6, 1)));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("birth_date", "2030-01-01"), (error.Column, error.Value));
        Assert.Contains("after 2025-06-01, the day the rules are asked for", error.Reason);
        Assert.Equal(0, PersonReader.Parse("f.json", json, new DateOnly(2030, 1, 1)).AgeOn(new DateOnly(2030, 1, 1)));
    }
}
