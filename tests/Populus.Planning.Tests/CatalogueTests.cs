using Populus.Planning.Catalogue;
using Populus.Planning.Formulas;

namespace Populus.Planning.Tests;

public class CatalogueTests
{
    private const string Header = "id,plan_id,text_target_ids,name_zh,name_en,unit,kind,formula,department,regions,better,classes,sentence_zh,source,note\n";

    private static IndicatorCatalogue Load(string rows) => IndicatorCatalogue.Parse(Header + rows, Seed.Regions, "test.csv");

    [Fact]
    public void DefaultCatalogue_DescribesAllTwentyPlanIndicators()
    {
        var planIds = Seed.Catalogue.Entries.Where(e => e.PlanId is not null).Select(e => int.Parse(e.PlanId!)).Order();
        Assert.Equal(Enumerable.Range(1, 20), planIds);
    }

    [Fact]
    public void DefaultCatalogue_LinksEveryMonitoredTextTargetWithItsSentence()
    {
        var rows = Csv.Read("plan/targets-text.csv").Where(r => r["target_type"] == "target").ToList();
        Assert.Equal(70, rows.Count);
        foreach (var r in rows)
        {
            var entry = Seed.Catalogue.ByTextTarget(r["id"]);
            Assert.NotNull(entry);
            Assert.Contains(r["sentence_zh"], entry!.SentenceZh, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DefaultCatalogue_HasGlossaryMeasuresWithBothDependencyConventions()
    {
        Assert.Equal("100 * (pop(age<15) + pop(age>=60)) / pop(age>=15 & age<60)", Seed.Catalogue["dependency_ratio"].Formula!.Text);
        Assert.Equal("100 * (pop(age<15) + pop(age>=65)) / pop(age>=15 & age<65)", Seed.Catalogue["dependency_ratio_un"].Formula!.Text);
        Assert.Equal(IndicatorKind.Computed, Seed.Catalogue["labour_productivity"].Kind);
    }

    [Theory]
    [InlineData(9.99, null)]
    [InlineData(10.0, "mild")]
    [InlineData(16.5, "mild")]
    [InlineData(20.0, "moderate")]
    [InlineData(29.99, "moderate")]
    [InlineData(30.0, "severe")]
    public void AgeingClasses_AreHalfOpenAsTheGlossaryThresholds(double share, string? expected) =>
        Assert.Equal(expected, Seed.Catalogue["ageing_rate_60"].Classify(share)?.Code);

    [Fact]
    public void ReportedEntries_NameTheirDepartment()
    {
        Assert.All(Seed.Catalogue.Entries.Where(e => e.Kind == IndicatorKind.Reported), e => Assert.False(string.IsNullOrWhiteSpace(e.Department)));
        Assert.Equal("市卫健委", Seed.Catalogue["birth_defect_incidence"].Department);
    }

    [Fact]
    public void EntryForAnyRegion_ExpandsToEveryListedRegion()
    {
        Assert.True(Seed.Catalogue["ageing_rate_60"].AppliesTo("鹿城区"));
        Assert.False(Seed.Catalogue["central_city_primacy"].AppliesTo("鹿城区"));
        Assert.True(Seed.Catalogue["TT44"].AppliesTo("泰顺县"));
    }

    [Fact]
    public void NewIndicator_IsAddedByARowOfData()
    {
        var catalogue = Load("old_age_ratio,,,老年抚养比,Old-age dependency ratio,%,computed,100 * pop(age>=60) / pop(age>=15 & age<60),,*,lower,,,,\n");
        Assert.Equal("old_age_ratio", Assert.Single(catalogue.Entries).Id);
    }

    [Theory]
    [InlineData("x,,,名,n,%,computed,100 * popp() / pop(),,*,higher,,,,", "formula", "unknown data function 'popp'")]
    [InlineData("x,,,名,n,%,computed,series(gdpp),,*,higher,,,,", "formula", "unknown data series 'gdpp'")]
    [InlineData("x,,,名,n,%,computed,pop(region=火星),,*,higher,,,,", "formula", "region '火星' is not in the region list")]
    [InlineData("x,,,名,n,%,computed,pop(level>=bachelor),,*,higher,,,,", "formula", "pop() takes no 'level' filter")]
    [InlineData("x,,,名,n,%,computed,100 * (pop(age>=60) / pop(),,*,higher,,,,", "formula", "')' was expected")]
    [InlineData("x,,,名,n,%,computed,pop(age>=60 & age<20),,*,higher,,,,", "formula", "leave no age")]
    [InlineData("x,,,名,n,%,computed,100,,*,higher,,,,", "formula", "uses no data")]
    [InlineData("x,,,名,n,%,computed,,,*,higher,,,,", "formula", "needs a formula")]
    [InlineData("x,,,名,n,%,reported,,,*,higher,,,,", "department", "needs the department")]
    [InlineData("x,,,名,n,%,guessed,,,*,higher,,,,", "kind", "must be 'computed' or 'reported'")]
    [InlineData("x,,,名,n,%,computed,pop(),,温州,higher,,,,", "regions", "'温州' is not a listed region")]
    [InlineData("x,,,名,n,%,computed,pop(),,*,upward,,,,", "better", "must be 'higher', 'lower' or 'none'")]
    [InlineData("x,,,名,n,%,computed,pop(),,*,higher,mild|轻度|[20;10),,,", "classes", "class")]
    [InlineData("x,,,名,n,,computed,pop(),,*,higher,,,,", "unit", "unit is required")]
    public void BadEntry_IsRefusedNamingEntryFieldAndValue(string row, string field, string reason)
    {
        var e = Assert.Throws<CatalogueException>(() => Load(row + "\n"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains("entry 'x'", error.Entry, StringComparison.Ordinal);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"field '{field}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralBadEntries_AreAllReported()
    {
        var e = Assert.Throws<CatalogueException>(() => Load(
            "a,,,名,n,%,computed,popp(),,*,higher,,,,\n" +
            "a,,,名,n,%,reported,,,*,higher,,,,\n"));
        Assert.Equal(["formula", "id", "department"], e.Errors.Select(x => x.Field));
    }

    [Fact]
    public void WrongCellCount_IsRefusedWithTheLine()
    {
        var e = Assert.Throws<CatalogueException>(() => Load("a,,,名\n"));
        Assert.Equal("line 2", Assert.Single(e.Errors).Entry);
    }

    [Fact]
    public void FormulaError_GivesThePosition()
    {
        var e = Assert.Throws<FormulaException>(() => Formula.Parse("pop() / "));
        Assert.Equal(8, e.Position);
        Assert.Contains("ends where a number", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionList_RefusesUnknownMembers()
    {
        var e = Assert.Throws<CatalogueException>(() => RegionRegistry.Parse("region,name_en,kind,parent,members,note\nG,g,grouping,,甲;乙,\n甲,a,district,,,\n"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("members", "乙"), (error.Field, error.Value));
    }
}
