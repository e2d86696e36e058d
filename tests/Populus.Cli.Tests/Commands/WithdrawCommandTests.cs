namespace Populus.Cli.Tests.Commands;

/// <summary>`populus withdraw`: a batch of figures found wrong withdrawn with its reason and listed so; no reason, an
/// unknown batch or the seeded data refused (exit 1).</summary>
public class WithdrawCommandTests
{
    [Fact]
    public void Withdraw_DeletesTheBatchsFigures_AndTheListSaysWhoWhenAndWhy()
    {
        var folder = Path.Combine(Path.GetTempPath(), "populus-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var db = Path.Combine(folder, "store.duckdb");
            var file = Path.Combine(folder, "bulletin-2025.csv");
            File.WriteAllText(file, "year,region,survey,measure,sex,value,figure_kind,source_id\n2025,330300,annual_sample,population,total,99000000,observed,TYPO\n");
            Assert.Equal(0, CliRunner.Run("import", "survey", file, "--db", db).ExitCode);
            // Plan monitoring cannot be calibrated to the typo: refused, naming it.
            var evaluate = CliRunner.Run("evaluate", "--db", db);
            Assert.Equal(1, evaluate.ExitCode);
            Assert.Contains("99000000", evaluate.Error, StringComparison.Ordinal);

            var noReason = CliRunner.Run("withdraw", "bulletin-2025.csv", "--db", db);
            Assert.Equal(1, noReason.ExitCode);
            Assert.Contains("says why", noReason.Error, StringComparison.Ordinal);
            Assert.Equal(1, CliRunner.Run("withdraw", "wenzhou-published", "--reason", "x", "--db", db).ExitCode);

            var (exit, output, error) = CliRunner.Run("withdraw", "bulletin-2025.csv", "--reason", "typed 99000000 for 9900000", "--actor", "wang", "--db", db);
            Assert.True(exit == 0, error);
            Assert.StartsWith("Batch 'bulletin-2025.csv' (survey) withdrawn: 1 figures deleted, by wang at ", output, StringComparison.Ordinal);
            Assert.Equal(0, CliRunner.Run("evaluate", "--db", db).ExitCode);

            var list = CliRunner.Run("withdraw", "--list", "--format", "csv", "--db", db);
            Assert.Equal(0, list.ExitCode);
            var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            Assert.Equal("batch,kind,file,rows,imported_at,withdrawn_at,withdrawn_by,withdrawal_reason", lines[0]);
            Assert.Matches(@"^bulletin-2025\.csv,survey,bulletin-2025\.csv,1,\S+ \S+,\S+ \S+,wang,typed 99000000 for 9900000$", lines[^1]);
            Assert.Contains(lines, l => l.StartsWith("wenzhou-published,seed,", StringComparison.Ordinal) && l.EndsWith(",,,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
