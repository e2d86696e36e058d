using System.Text;
using Populus.Demography;
using Populus.Storage.Inputs;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Inputs;

public sealed class ProjectionInputReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("populus-inputs-").FullName;

    public ProjectionInputReaderTests()
    {
        var pop = new StringBuilder("region,sex,age,value\n");
        var mig = new StringBuilder("region,year,sex,age,net\n");
        foreach (var region in new[] { "A", "B" })
        {
            foreach (var sex in new[] { "M", "F" })
            {
                for (var age = 0; age <= 5; age++)
                {
                    pop.Append($"{region},{sex},{(age == 5 ? "5+" : age)},{1000 - age * 10}\n");
                    mig.Append($"{region},2020,{sex},{age},{(region == "A" ? 1 : -1)}\n");
                }
            }
        }

        Write("population.csv", pop.ToString());
        Write("migration.csv", mig.ToString());
        Write("mortality.csv", Rates("A", "0,1,5", 2020) + Rates("B", "0,1,2,3,4,5", 2020).Replace("region,year,sex,age,mx\n", "") + Rates("A", "0,1,5", 2030).Replace("region,year,sex,age,mx\n", ""));
        Write("fertility.csv", "region,year,age,asfr\nA,2020,15,0.02\nA,2020,20,0.08\nB,2020,20,0.1\nB,2020,21,0.1\n");
        Write("srb.csv", "region,year,value\nA,2020,1.06\nB,2020,107\n");
    }

    private static string Rates(string region, string ages, int year)
    {
        var sb = new StringBuilder("region,year,sex,age,mx\n");
        foreach (var sex in new[] { "M", "F" })
        {
            foreach (var age in ages.Split(','))
            {
                sb.Append($"{region},{year},{sex},{age},0.01\n");
            }
        }

        return sb.ToString();
    }

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_folder, file), text);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_ValidBundle_DetectsGridsAndAppliesRatesUntilTheNextYear()
    {
        var inputs = ProjectionInputReader.Read(_folder);
        Assert.Equal(["A", "B"], inputs.Regions);
        Assert.Equal(5, inputs.BasePopulation["A"].Ages.OpenAge);
        Assert.Equal(2 * (6000 - 150), inputs.BasePopulation["B"].Total());
        Assert.True(inputs.Mortality[("A", Sex.Male)].At(2025)!.Ages.IsAbridged);
        Assert.True(inputs.Mortality[("B", Sex.Female)].At(2025)!.Ages.IsSingleYear);
        Assert.Same(inputs.Mortality[("A", Sex.Male)].At(2030), inputs.Mortality[("A", Sex.Male)].At(2049));
        Assert.Null(inputs.Mortality[("A", Sex.Male)].At(2019));
        Assert.Equal(0.02 * 5 + 0.08 * 5, inputs.Fertility["A"].At(2020)!.TotalFertilityRate(), 12);
        Assert.Equal(0.2, inputs.Fertility["B"].At(2020)!.TotalFertilityRate(), 12);
        Assert.Equal(1.07, inputs.SexRatioAtBirth["B"].At(2021)!.Value.MalesPerFemale, 12);
        Assert.Equal(-6, inputs.NetMigration[("B", Sex.Male)].At(2020)!.Total());
    }

    [Fact]
    public void Read_BadCells_ReportsFileRowColumnValueReasonForEach()
    {
        Write("fertility.csv", "region,year,age,asfr\nA,2020,15,abc\nB,2020,20,-0.1\nC,2020,20,0.1\n");
        var ex = Assert.Throws<InvalidInputException>(() => ProjectionInputReader.Read(_folder));
        var file = Path.Combine(_folder, "fertility.csv");
        Assert.Contains(new InputError(file, 2, "asfr", "abc", "not a number", "不是数字"), ex.Errors);
        Assert.Contains(ex.Errors, e => e.File == file && e.Row == 3 && e.Column == "asfr" && e.Value == "-0.1");
        Assert.Contains(ex.Errors, e => e.File == file && e.Row == 4 && e.Column == "region" && e.Value == "C" && e.Reason.Contains("not a region"));
        Assert.Contains(ex.Errors, e => e.File == file && e.Value == "A" && e.Reason.Contains("no fertility rates"));
    }

    [Fact]
    public void Read_MissingAgeAndIrregularGrid_AreRefused()
    {
        File.WriteAllLines(Path.Combine(_folder, "population.csv"),
            File.ReadAllLines(Path.Combine(_folder, "population.csv")).Where(l => l != "B,F,3,970"));
        Write("mortality.csv", Rates("A", "0,1,5", 2020) + Rates("B", "0,2,5", 2020).Replace("region,year,sex,age,mx\n", ""));
        var ex = Assert.Throws<InvalidInputException>(() => ProjectionInputReader.Read(_folder));
        Assert.Contains(ex.Errors, e => e.File.EndsWith("population.csv") && e.Value == "3" && e.Reason.Contains("missing"));
        Assert.Contains(ex.Errors, e => e.File.EndsWith("mortality.csv") && e.Value == "0 2 5" && e.Reason.Contains("abridged"));
    }

    [Fact]
    public void Read_OpenAge_IsWrittenAsInPopulationCsv_InEveryFileOnItsGrid()
    {
        // population.csv ends at 5+: migration.csv and od_migration.csv may write that age as 5+ too, and no age above it.
        Write("migration.csv", "region,year,sex,age,net\nA,2020,M,5+,3\nA,2020,M,4,1\n");
        Write("od_migration.csv", "origin,destination,year,sex,age,rate\nA,B,2020,F,5+,0.01\nB,A,2020,F,4,0.02\n");
        var inputs = ProjectionInputReader.Read(_folder);
        Assert.Equal([0, 0, 0, 0, 1, 3], inputs.NetMigration[("A", Sex.Male)].At(2020)!.ToArray());
        Assert.Equal([("A", 5, 0.01), ("B", 4, 0.02)], inputs.OriginDestination.Select(r => (r.Origin, r.Age, r.Rate)));

        Write("migration.csv", "region,year,sex,age,net\nA,2020,M,6+,3\n");
        Write("od_migration.csv", "origin,destination,year,sex,age,rate\nA,B,2020,F,6,0.01\nA,B,2020,F,x+,0.01\n");
        var ex = Assert.Throws<InvalidInputException>(() => ProjectionInputReader.Read(_folder));
        Assert.Equal(
            [("migration.csv", 2, "6", "beyond the population's open age 5"), ("od_migration.csv", 2, "6", "beyond the population's open age 5"),
                ("od_migration.csv", 3, "x+", "not an age (whole years 0–130, '+' marks an open group)")],
            ex.Errors.Select(e => (Path.GetFileName(e.File), e.Row, e.Value, e.Reason)));
    }

    [Fact]
    public void Read_MissingFile_NamesIt()
    {
        File.Delete(Path.Combine(_folder, "srb.csv"));
        var ex = Assert.Throws<InvalidInputException>(() => ProjectionInputReader.Read(_folder));
        Assert.EndsWith("srb.csv", ex.Errors.Single().File);
    }
}
