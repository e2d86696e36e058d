using Populus.Planning.Scenarios;
using Populus.Storage.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Planning.Tests.Scenarios;

public class ScenarioFileTests
{
    private const string List = "scenario,based_on,name_zh,description\nbase,,基准,test\nalt,base,另一,test\n";

    private static string Full(string scenario = "base") => string.Join("\n", ScenarioAssumptions.All.Select(a =>
        $"{scenario},{a.Name},2020,{(a.Minimum + a.Maximum) / 2},test source")) + "\n";

    private static IReadOnlyList<Scenario> ReadFolder(string list, string assumptions)
    {
        var folder = Directory.CreateTempSubdirectory("populus-scenarios-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "scenarios.csv"), list);
            File.WriteAllText(Path.Combine(folder, "assumptions.csv"), "scenario,assumption,year,value,source\n" + assumptions);
            return ScenarioFile.Read(folder);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Read_DefaultScenarios_AllFiveWithEveryAssumptionSourced()
    {
        var names = Wenzhou.Scenarios.Select(s => s.Name).ToList();
        Assert.Equal(["baseline", "high-fertility", "high-migration", "low", "plan"], names);
        foreach (var s in Wenzhou.Scenarios)
        {
            foreach (var a in Enum.GetValues<ScenarioAssumption>().Where(a => a.IsRequired() || s.Gives(a)))
            {
                Assert.False(string.IsNullOrWhiteSpace(s.Source(a)), $"{s.Name} {a}");
            }
        }

        // The plan states its e0 of both sexes, as Table 6 does; the others their sexes'.
        Assert.Equal(["plan"], Wenzhou.Scenarios.Where(s => s.Gives(ScenarioAssumption.LifeExpectancy)).Select(s => s.Name));
    }

    [Fact]
    public void Read_AScenarioStatingItsSexes_DoesNotTakeItsBasesBothSexesLevel()
    {
        var read = ReadFolder("scenario,based_on,name_zh,description\nbase,,基准,test\nsexes,base,,test\nsame,base,,test\n",
            Full() + "sexes,e0_female,2020,80,its own\nsame,tfr,2020,1.2,its own\n");
        Assert.True(read[0].Gives(ScenarioAssumption.LifeExpectancy));
        Assert.False(read[1].Gives(ScenarioAssumption.LifeExpectancy));
        Assert.Equal(read[0].At(ScenarioAssumption.MaleLifeExpectancy, 2020), read[1].At(ScenarioAssumption.MaleLifeExpectancy, 2020));
        Assert.Equal(read[0].At(ScenarioAssumption.LifeExpectancy, 2020), read[2].At(ScenarioAssumption.LifeExpectancy, 2020));
    }

    [Fact]
    public void Read_BasedOn_InheritsWhatItDoesNotGive()
    {
        var baseline = Wenzhou.Scenario("baseline");
        var high = Wenzhou.Scenario("high-fertility");
        Assert.Equal(baseline.At(ScenarioAssumption.NetMigration, 2030), high.At(ScenarioAssumption.NetMigration, 2030));
        Assert.StartsWith("as baseline", high.Source(ScenarioAssumption.NetMigration), StringComparison.Ordinal);
        Assert.True(high.At(ScenarioAssumption.TotalFertility, 2030) > baseline.At(ScenarioAssumption.TotalFertility, 2030));
    }

    [Fact]
    public void Read_NameZh_GivenOrTheNameItself_AndALeversScenarioKeepsIt()
    {
        var read = ReadFolder("scenario,based_on,name_zh,description\nbase,,基准,test\nalt,base,,test\n", Full());
        Assert.Equal(["基准", "alt"], read.Select(s => s.NameZh));
        var moved = read[0].With(new ScenarioLevers(TotalFertility: 1.2, NetMigration: 50000));
        // The levers in the reader's words: the Chinese name does not fall back to the English lever codes.
        Assert.Equal("base [tfr=1.2, net-migration=50000]", moved.Name);
        Assert.Equal("基准 [总和生育率=1.2，年净迁入=50000]", moved.NameZh);
        Assert.Equal("基准 [总和生育率=1.2，年净迁入=50000]（base [tfr=1.2, net-migration=50000]）", moved.LabelZh);
    }

    [Fact]
    public void YearPath_InterpolatesBetweenYearsAndHoldsEnds()
    {
        var tfr = Wenzhou.Scenario("baseline").Path(ScenarioAssumption.TotalFertility);
        Assert.Equal(1.30, tfr.At(2015));
        Assert.Equal(0.90, tfr.At(2022), 12);
        Assert.Equal(0.83, tfr.At(2050));
    }

    [Fact]
    public void YearPath_ReplacedFrom_KeepsThePathBeforeTheYear_AndHoldsTheLevelFromIt()
    {
        // Net migration given each year 2021–2025: replaced from 2024, the years calibrated before it stay.
        var own = Wenzhou.Scenario("baseline").Path(ScenarioAssumption.NetMigration);
        var moved = own.ReplacedFrom(2024, 20_000);
        Assert.All(Enumerable.Range(2015, 9), y => Assert.Equal(own.At(y), moved.At(y)));
        Assert.All(Enumerable.Range(2024, 20), y => Assert.Equal(20_000, moved.At(y)));
        // Between two given years (TFR 0.97 in 2021, 0.83 in 2023), the interpolation before the year is kept.
        var tfr = Wenzhou.Scenario("baseline").Path(ScenarioAssumption.TotalFertility);
        Assert.Equal(tfr.At(2022), tfr.ReplacedFrom(2023, 1.8).At(2022), 12);
        Assert.Equal(1.8, tfr.ReplacedFrom(2023, 1.8).At(2023));
    }

    [Fact]
    public void With_LeversFrom_MovesTheYearsFromThenOn_AndSaysSo()
    {
        var baseline = Wenzhou.Scenario("baseline").WithLeversFrom(2025);
        var s = baseline.With(new ScenarioLevers(TotalFertility: 1.6, NetMigration: 20_000, LifeExpectancy: 85));
        Assert.Equal("baseline [tfr=1.6, net-migration=20000, e0=85; from 2025]", s.Name);
        Assert.Equal("基准情景 [总和生育率=1.6，年净迁入=20000，人均预期寿命=85；2025年起]", s.NameZh);
        Assert.Equal("lever set to 1.6 from 2025", s.Source(ScenarioAssumption.TotalFertility));
        Assert.All(Enumerable.Range(2020, 5), y => Assert.Equal(
            (baseline.At(ScenarioAssumption.TotalFertility, y), baseline.At(ScenarioAssumption.NetMigration, y)),
            (s.At(ScenarioAssumption.TotalFertility, y), s.At(ScenarioAssumption.NetMigration, y))));
        Assert.Equal((1.6, 20_000.0), (s.At(ScenarioAssumption.TotalFertility, 2025), s.At(ScenarioAssumption.NetMigration, 2025)));
        // The baseline states the sexes' e0 only: the both-sexes lever holds from 2025, the sexes' own paths before.
        Assert.False(s.Gives(ScenarioAssumption.LifeExpectancy, 2024));
        Assert.True(s.Gives(ScenarioAssumption.LifeExpectancy, 2025));
        Assert.Equal(2025, s.LeversFrom);
    }

    [Fact]
    public void Read_ValueOutOfRange_NamesFileRowColumnAndValue()
    {
        var e = Assert.Throws<InvalidInputException>(() => ReadFolder(List, Full() + "alt,tfr,2025,9,too high\n"));
        var error = Assert.Single(e.Errors);
        Assert.EndsWith("assumptions.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(ScenarioAssumptions.All.Count + 2, error.Row); // after the header and Full()'s rows
        Assert.Equal("value", error.Column);
        Assert.Equal("9", error.Value);
        Assert.Contains("tfr must be between", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryProblemAtOnce()
    {
        var bad = Full() + "alt,fertility,2025,1.5,x\nalt,tfr,20x5,1.5,x\nghost,tfr,2025,1.5,x\nalt,srb,2025,105,\n";
        var e = Assert.Throws<InvalidInputException>(() => ReadFolder(List, bad));
        Assert.Contains(e.Errors, x => x.Column == "assumption" && x.Value == "fertility" && x.Reason.Contains("unknown assumption", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Column == "year" && x.Value == "20x5");
        Assert.Contains(e.Errors, x => x.Column == "scenario" && x.Value == "ghost");
        Assert.Contains(e.Errors, x => x.Column == "source" && x.Row == ScenarioAssumptions.All.Count + 5);
    }

    [Fact]
    public void Read_SameYearTwice_Refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => ReadFolder(List, Full() + "alt,tfr,2025,1.5,a\nalt,tfr,2025,1.6,b\n"));
        Assert.Contains("given twice", Assert.Single(e.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingAssumptionWithoutBase_NamesIt()
    {
        var e = Assert.Throws<InvalidInputException>(() => ReadFolder("scenario,based_on,name_zh,description\nonly,,x,y\n", "only,tfr,2020,1.3,s\n"));
        var error = Assert.Single(e.Errors);
        Assert.Contains("e0_male", error.Value, StringComparison.Ordinal);
        Assert.Contains("'only' gives no", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownBase_Refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => ReadFolder("scenario,based_on,name_zh,description\nalt,nowhere,x,y\n", Full("alt")));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("based_on", "nowhere", 2), (error.Column, error.Value, error.Row));
    }

    [Fact]
    public void Read_CircularBase_Refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => ReadFolder("scenario,based_on,name_zh,description\na,b,x,y\nb,a,x,y\n", ""));
        Assert.Contains(e.Errors, x => x.Reason.Contains("based on itself", StringComparison.Ordinal));
    }

    [Fact]
    public void With_Levers_ReplacesPathsAndNamesThem()
    {
        var s = Wenzhou.Scenario("baseline").With(new ScenarioLevers(TotalFertility: 1.6, LifeExpectancy: 85));
        Assert.Equal("baseline [tfr=1.6, e0=85]", s.Name);
        Assert.Equal(1.6, s.At(ScenarioAssumption.TotalFertility, 2031));
        // e0 is the both-sexes level; the sexes' paths stay, for their female–male gap (MortalityLevels.BothSexesShift).
        Assert.Equal(85, s.At(ScenarioAssumption.LifeExpectancy, 2031));
        Assert.Equal(Wenzhou.Scenario("baseline").Path(ScenarioAssumption.MaleLifeExpectancy), s.Path(ScenarioAssumption.MaleLifeExpectancy));
        Assert.Throws<ArgumentOutOfRangeException>(() => Wenzhou.Scenario("baseline").With(new ScenarioLevers(TotalFertility: 7)));
    }
}
