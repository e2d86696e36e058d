using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Store;

public class GroupTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void SeededGroups_HaveTheMembersWeCanJustifyAndThePlansFigures(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var groups = store.Groups().ToDictionary(g => g.Name);

        Assert.Equal(["330302", "330303", "330304", "330305"], groups["中心城区"].Members.Select(m => m.RegionCode));
        // All 67 街道 of Wenzhou; the plan's other 9 main-centre towns are not public.
        Assert.Equal(67, groups["市域主中心"].Members.Count);
        Assert.Equal(["330326100", "330326101", "330327100", "330383"], groups["市域副中心"].Members.Select(m => m.RegionCode));
        Assert.All(groups.Values.SelectMany(g => g.Members), m => Assert.False(string.IsNullOrWhiteSpace(m.Note)));

        var main = store.GroupReferences("市域主中心");
        Assert.Equal(572.79, main.Single(r => r.Indicator == "population").Value);
        Assert.Equal(59.8, main.Single(r => r.Indicator == "population_share").Value);
        Assert.Equal(17.35, store.GroupReferences("市域副中心").Single(r => r.Indicator == "population_share").Value);
        Assert.Equal(31.38, store.GroupReferences("中心城区").Single().Value);
        Assert.All(main, r => Assert.Equal("PLAN2021", r.Provenance.SourceId));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void GroupFigure_IsTheSumOverMembers_AndNamesMissingOnes(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        store.Import("census", Samples.CensusFile(t, "c.csv", ("330302", 1_167_164), ("330303", 700_000), ("330304", 900_000)));

        var central = store.PopulationOf("中心城区", Samples.Census2010);
        Assert.Equal(1_167_164 + 700_000 + 900_000, central.Value);
        Assert.Equal(["330302", "330303", "330304"], central.CountedMembers);
        Assert.Equal(["330305"], central.MissingMembers);
        Assert.False(central.IsComplete);

        var males = store.PopulationOf("中心城区", Samples.Census2010, new PopulationCell(Sex: "male", Age: "85+"));
        var expected = new[] { 1_167_164.0, 700_000, 900_000 }.Sum(total => total / 36 + 85);
        Assert.Equal(expected, males.Value!.Value, 6);

        var one = store.PopulationOf("330302", Samples.Census2010);
        Assert.True(one.IsComplete);
        Assert.Equal(1_167_164, one.Value);
        Assert.Null(store.PopulationOf("330328", Samples.Census2010).Value);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void SetGroupMembers_RefusesNestedUnknownAndFormerCodes(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();

        var ex = Assert.Throws<InvalidInputException>(() => store.SetGroupMembers("中心城区",
        [
            new("330302"), new("330302006"), new("999999"), new("330371"), new("330303"), new("330303"),
        ]));

        Assert.Equal(4, ex.Errors.Count);
        Assert.Contains("count it twice", ex.Errors[0].Reason);
        Assert.Contains("unknown region code", ex.Errors[1].Reason);
        Assert.Contains("former code", ex.Errors[2].Reason);
        Assert.Contains("already a member", ex.Errors[3].Reason);
        Assert.Equal(4, store.Groups().Single(g => g.Name == "中心城区").Members.Count);

        store.SetGroupMembers("中心城区", [new("330302", "test"), new("330303")]);
        Assert.Equal(["330302", "330303"], store.Groups().Single(g => g.Name == "中心城区").Members.Select(m => m.RegionCode));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public void ImportGroups_ReplacesTheMembersOfTheGroupsInTheFile(string engine)
    {
        using var t = TestStore.Create(engine);
        using var store = t.Open();
        var file = TableFiles.Write(t.File("groups.csv"), """
            group,group_en,region_code,note
            市域副中心,Sub-centre,330383,named in the plan
            市域副中心,Sub-centre,330327100,苍南县城
            温州湾新区,Wenzhou Bay New Area,330303,test group
            """);

        store.Import("groups", file);

        var groups = store.Groups().ToDictionary(g => g.Name);
        Assert.Equal(["330327100", "330383"], groups["市域副中心"].Members.Select(m => m.RegionCode));
        Assert.Equal("Wenzhou Bay New Area", groups["温州湾新区"].NameEn);
        Assert.Equal(67, groups["市域主中心"].Members.Count);
    }

    [Fact]
    public void ShippedGroupingsFile_ImportsUnchanged()
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        var before = store.Groups();
        var path = Path.Combine(TestPaths.RepoRoot, "data", "regions", "groupings.csv");

        var result = store.Import("groups", path);

        Assert.Equal(4 + 67 + 4, result.Rows);
        Assert.Equal(before.Select(g => (g.Name, g.Members.Count)), store.Groups().Select(g => (g.Name, g.Members.Count)));
    }
}
