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

    [Fact]
    public void UnitZh_IsTheChineseInterfacesUnit_OrTheUnitWhereNoneIsGiven()
    {
        Assert.Equal("万人", Seed.Catalogue["resident_population"].UnitZh);
        Assert.Equal("岁", Seed.Catalogue["life_expectancy"].UnitZh);
        Assert.Equal("years", Seed.Catalogue["life_expectancy"].Unit);
        Assert.All(Seed.Catalogue.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.UnitZh), e.Id));
        var row = "x,,,常住人口,Residents,10k persons,computed,pop() / 10000,,*,higher,,,test,\n";
        Assert.Equal("10k persons", Load(row)["x"].UnitZh); // no unit_zh column
        var withColumn = IndicatorCatalogue.Parse(Header.Replace(",unit,", ",unit,unit_zh,", StringComparison.Ordinal)
            + "x,,,常住人口,Residents,10k persons,万人,computed,pop() / 10000,,*,higher,,,test,\n"
            + "y,,,户籍人口,Registered,10k persons,,computed,regpop() / 10000,,*,higher,,,test,\n", Seed.Regions, "test.csv");
        Assert.Equal("万人", withColumn["x"].UnitZh);
        Assert.Equal("10k persons", withColumn["y"].UnitZh); // an empty cell
    }

    [Fact]
    public void Measure_IsRateOrCount_RateWhereNotGiven_AndAnythingElseIsRefused()
    {
        Assert.Equal(IndicatorMeasure.Count, Seed.Catalogue["resident_population"].Measure);
        Assert.Equal(IndicatorMeasure.Count, Seed.Catalogue["high_skilled_talent"].Measure);
        Assert.Equal(IndicatorMeasure.Rate, Seed.Catalogue["total_fertility_rate"].Measure);
        Assert.Equal(IndicatorMeasure.Rate, Seed.Catalogue["ageing_rate_60"].Measure);
        Assert.Equal(IndicatorMeasure.Rate, Load("x,,,常住人口,Residents,10k persons,computed,pop() / 10000,,*,higher,,,test,\n")["x"].Measure); // no measure column
        var header = Header.TrimEnd('\n') + ",measure\n";
        Assert.Equal(IndicatorMeasure.Count, IndicatorCatalogue.Parse(header + "x,,,常住人口,Residents,10k persons,computed,pop() / 10000,,*,higher,,,test,,count\n", Seed.Regions, "test.csv")["x"].Measure);
        var e = Assert.Throws<CatalogueException>(() => IndicatorCatalogue.Parse(header + "x,,,常住人口,Residents,10k persons,computed,pop() / 10000,,*,higher,,,test,,total\n", Seed.Regions, "test.csv"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("measure", "total"), (error.Field, error.Value));
        Assert.Contains("'rate'", error.Reason, StringComparison.Ordinal);
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
    public void ReportedEntries_NameTheirDepartment_UnlessThePlanNamesNone()
    {
        var reported = Seed.Catalogue.Entries.Where(e => e.Kind == IndicatorKind.Reported).ToList();
        Assert.All(reported.Where(e => e.Department is null), e => Assert.StartsWith("The plan names no department.", e.Note, StringComparison.Ordinal));
        Assert.Equal(["TT01", "TT70"], reported.Where(e => e.Department is null).Select(e => e.Id));
        Assert.All(reported.Where(e => e.Department is not null), e => Assert.False(string.IsNullOrWhiteSpace(e.Department)));
        Assert.Equal("市卫健委", Seed.Catalogue["birth_defect_incidence"].Department);
    }

    [Fact]
    public void EntryForAnyRegion_ExpandsToEveryListedRegion()
    {
        // Entries hold region codes (the catalogue names them in Chinese).
        Assert.True(Seed.Catalogue["ageing_rate_60"].AppliesTo(Seed.Regions.CodeOf("鹿城区")));
        Assert.False(Seed.Catalogue["central_city_primacy"].AppliesTo("330302"));
        Assert.True(Seed.Catalogue["TT44"].AppliesTo("330329"));
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
        Region[] regions = [new("G", "G", "g", "grouping", null, ["330302", "330399"], ""), new("330302", "甲", "a", "district", null, [], "")];
        var e = Assert.Throws<CatalogueException>(() => RegionRegistry.Create(regions));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("members", "330399"), (error.Field, error.Value));
    }

    [Fact]
    public void Regions_AreTheStores_KeyedByCode_AndNamedByTheirChineseNames()
    {
        var regions = Seed.Regions;
        Assert.Equal("330300", regions.CodeOf("温州市"));
        Assert.Equal("温州市", regions.NameOf("330300"));
        Assert.Equal("city", regions["温州市"].Kind);
        Assert.Equal("district", regions["鹿城区"].Kind);
        Assert.Equal("county", regions["永嘉县"].Kind);
        Assert.Equal("county-level-city", regions["龙港市"].Kind);
        // Groupings: members are codes; the province is the group of its eleven cities and the parent of each.
        Assert.Equal(["330302", "330303", "330304", "330305"], regions["中心城区"].Members);
        Assert.Equal("330300", regions["中心城区"].Parent);
        Assert.Equal("province", regions["浙江省"].Kind);
        Assert.Equal(11, regions["浙江省"].Members.Count);
        Assert.Equal("浙江省", regions["温州市"].Parent);
        Assert.Equal("zone", regions["温州湾新区"].Kind);
        Assert.False(regions.Contains("洞头县"));
    }
}
