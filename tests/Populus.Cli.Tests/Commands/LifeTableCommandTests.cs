using System.Globalization;

namespace Populus.Cli.Tests.Commands;

public sealed class LifeTableCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("populus-lifetable-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static string[][] Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToArray();

    private static double Cell(string[][] rows, int row, string column) =>
        double.Parse(rows[row][Array.IndexOf(rows[0], column)], CultureInfo.InvariantCulture);

    /// <summary>The Preston et al. (2001) Austria 1992 males input as the command reads it.</summary>
    private string AustriaInput(bool withAx)
    {
        var lines = System.IO.File.ReadAllLines(TestData.SharedPath("data/testvectors/preston2001_austria1992_males_abridged_lt.csv"));
        var header = lines[0].Split(',');
        int Col(string n) => Array.IndexOf(header, n);
        var body = lines.Skip(1).Select(l => l.Split(',')).Select(r =>
            string.Join(',', r[Col("age_start")], r[Col("deaths_nDx")], r[Col("pop_nNx")]) + (withAx ? "," + r[Col("nax")] : ""));
        return File("austria.csv", (withAx ? "age,deaths,exposure,ax\n" : "age,deaths,exposure\n") + string.Join('\n', body) + "\n");
    }

    [Fact]
    public void Lifetable_DeathsAndExposureWithAx_ReproducesPrestonAustria()
    {
        var (exit, output, error) = CliRunner.Run("lifetable", "--input", AustriaInput(withAx: true), "--sex", "male");

        Assert.True(exit == 0, error);
        var rows = Rows(output);
        Assert.Equal(["age", "mx", "qx", "ax", "lx", "dx", "Lx", "Tx", "ex"], rows[0]);
        Assert.Equal(20, rows.Length);
        Assert.Equal("85+", rows[^1][0]);
        Assert.Equal(72.889, Math.Round(Cell(rows, 1, "ex"), 3));
        Assert.Equal(99133, Math.Round(Cell(rows, 2, "lx")));
        Assert.Equal(110889, Math.Round(Cell(rows, 19, "Lx")));
    }

    [Fact]
    public void Lifetable_SingleYearMx_CoaleDemenyAndOpenAge()
    {
        var lines = new List<string> { "age,mx" };
        for (var x = 0; x <= 100; x++)
        {
            var m = x == 0 ? 0.02 : 0.0005 + 0.00002 * Math.Exp(0.1 * x);
            lines.Add($"{x}{(x == 100 ? "+" : "")},{m.ToString("R", CultureInfo.InvariantCulture)}");
        }

        var input = File("single.csv", string.Join('\n', lines));
        var (exit, output, error) = CliRunner.Run("lifetable", "--input", input, "--a0", "coale-demeny", "--sex", "female", "--open-age", "85");

        Assert.True(exit == 0, error);
        var rows = Rows(output);
        Assert.Equal(87, rows.Length);
        Assert.Equal("85+", rows[^1][0]);
        // Coale–Demeny female a0 = 0.05 + 3·q0 below q0 = 0.1.
        Assertions(Cell(rows, 1, "ax"), 0.05 + 3 * Cell(rows, 1, "qx"));
        Assertions(Cell(rows, 86, "Lx"), Cell(rows, 86, "Tx"));
        Assert.Equal(1.0, Cell(rows, 86, "qx"));

        static void Assertions(double expected, double actual) => Assert.Equal(expected, actual, 12);
    }

    [Fact]
    public void Lifetable_BadCells_ReportFileRowColumnValueAndReason()
    {
        var input = File("bad.csv", "age,mx\n0,0.01\n1,-0.002\n2,abc\n3,0.001\n4+,0.3\n");
        var (exit, output, error) = CliRunner.Run("lifetable", "--input", input);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("bad.csv, row 3, column 'mx', value '-0.002'", error);
        Assert.Contains("between 0 and 10", error);
        Assert.Contains("bad.csv, row 4, column 'mx', value 'abc': not a number", error);
    }

    [Fact]
    public void Lifetable_MissingAge_IsNamed()
    {
        var input = File("gap.csv", "age,mx\n0,0.01\n1,0.001\n5,0.0005\n15,0.001\n20+,0.2\n");
        var (exit, _, error) = CliRunner.Run("lifetable", "--input", input);

        Assert.Equal(1, exit);
        Assert.Contains("gap.csv, row 5, column 'age', value '15': age 10 is missing", error);
    }

    [Fact]
    public void Lifetable_RateImplyingCertainDeathOrZeroExposure_IsRefused()
    {
        var high = File("high.csv", "age,mx\n0,0.01\n1,0.001\n5,0.5\n10+,0.2\n");
        var (exit, _, error) = CliRunner.Run("lifetable", "--input", high);
        Assert.Equal(1, exit);
        Assert.Contains("high.csv, row 4, column 'mx', value '0.5'", error);
        Assert.Contains("probability of dying above 1", error);

        var zero = File("zero.csv", "age,deaths,exposure\n0,10,1000\n1,0,0\n2+,5,100\n");
        (exit, _, error) = CliRunner.Run("lifetable", "--input", zero);
        Assert.Equal(1, exit);
        Assert.Contains("zero.csv, row 3, column 'exposure', value '0'", error);
    }

    [Fact]
    public void Lifetable_MissingColumnsOrFile_AreRefused()
    {
        var (exit, _, error) = CliRunner.Run("lifetable", "--input", File("cols.csv", "age,rate\n0,0.1\n1+,0.2\n"));
        Assert.Equal(1, exit);
        Assert.Contains("'mx'", error);

        (exit, _, error) = CliRunner.Run("lifetable", "--input", Path.Combine(_dir, "absent.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("file not found", error);
    }
}
