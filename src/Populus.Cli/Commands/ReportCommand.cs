using System.CommandLine;
using Populus.Reports.Annual;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus report [--year Y] --out report.docx [--scenario NAME] [--trajectories N --seed S]`: the plan's annual
/// evaluation report in Chinese as Word, with its tables as an .xlsx of the same name beside it (docs/reports.md).
/// </summary>
internal static class ReportCommand
{
    /// <summary>Trajectories by default: as the cockpit's, so the report's probabilities are the ones the cockpit shows
    /// (within ±3.2 points, two standard errors), in a few seconds.</summary>
    private const int DefaultTrajectories = 1_000;

    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "The evaluation year (default: the last observed year)" };
        var output = new Option<string>("--out") { Description = "The .docx to write; the .xlsx goes beside it", Required = true };
        var scenario = new Option<string>("--scenario") { Description = "Scenario for the years after the observed ones (default baseline)" };
        var trajectories = new Option<int?>("--trajectories") { Description = $"Trajectories of the probabilistic projection (default {DefaultTrajectories}; 0 leaves out fan charts and probabilities)" };
        var seed = new Option<ulong?>("--seed") { Description = $"Seed of the trajectories (default {PlanMonitor.DefaultSeed}, the cockpit's)" };
        var db = DbOption.Create();
        var command = new Command("report", "Annual evaluation report of the plan, Word and Excel (年度评估报告)") { year, output, scenario, trajectories, seed, db };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            var n = parse.GetValue(trajectories) ?? DefaultTrajectories;
            if (n is < 0 or > 10_000)
            {
                stderr.WriteLine("--trajectories must be between 0 and 10,000.");
                return CommandExit.Refused;
            }

            // The report is Word with its tables beside it as .xlsx; another name (r.html, r.pdf) would hold a Word
            // file under a name that promises another format, and r.xlsx would be overwritten by the tables.
            var docx = parse.GetValue(output)!;
            if (!string.Equals(Path.GetExtension(docx), ".docx", StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"--out {docx}: the report is written as Word (.docx), with its tables as .xlsx beside it; give a file name ending in .docx (for PDF, convert the .docx: docs/reports.md).");
                stderr.WriteLine($"--out {docx}：报告只输出 Word 文件（.docx），表格另存为同名 .xlsx；请给出以 .docx 结尾的文件名（如需 PDF，请转换 .docx）。");
                return CommandExit.Refused;
            }

            using var store = PopulusStore.Open(parse.GetValue(db));
            var monitor = PlanMonitor.Load(store, calibrateUncertainty: n > 0);
            var options = new AnnualReportOptions(parse.GetValue(year) ?? monitor.LastObservedYear, parse.GetValue(scenario) ?? "baseline", n, parse.GetValue(seed) ?? PlanMonitor.DefaultSeed);
            var xlsx = AnnualReport.Write(AnnualReport.Build(monitor, store, options), docx);
            stdout.WriteLine($"Wrote {docx} and {xlsx}.");
            return CommandExit.Done;
        }));
        return command;
    }
}
