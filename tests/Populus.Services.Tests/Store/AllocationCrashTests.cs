using System.Diagnostics;
using Populus.Services.Allocation;
using Populus.Services.Points;

namespace Populus.Services.Tests.Store;

/// <summary>An allocation is one transaction: a server killed mid-allocation leaves no run and no placement.</summary>
public class AllocationCrashTests
{
    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public async Task KilledMidAllocation_LeavesNoRunAndNoPlacement_AndTheRoundAllocatesAfterwards(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using (var store = t.Open())
        {
            RoundFixture.ReceiveAndScore(store, t.Folder, 400);
        }

        var quotas = RoundFixture.QuotaFile(t.Folder);
        string[] args = ["allocate", "run", "--round", RoundFixture.Round, "--quota", quotas, "--seed", "s", "--on", "2025-07-01", "--db", t.Db, "--actor", "child"];
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "populus.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["POPULUS_ALLOCATE_HOLD_MS"] = "60000";
        start.Environment.Remove("POPULUS_DB");
        using (var child = Process.Start(start)!)
        {
            var holding = new TaskCompletionSource();
            var output = new System.Text.StringBuilder();
            void Seen(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line);
                }

                if (line.Contains("holding before commit", StringComparison.Ordinal))
                {
                    holding.TrySetResult();
                }
            }

            child.OutputDataReceived += (_, e) => Seen(e.Data);
            child.ErrorDataReceived += (_, e) => Seen(e.Data);
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            await holding.Task.WaitAsync(TimeSpan.FromSeconds(120));
            child.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            child.WaitForExit();
        }

        using var reopened = t.Open();
        Assert.Empty(reopened.Services.AllocationRuns(RoundFixture.Round));
        // Nothing half-written blocks the round: it allocates cleanly now.
        var (run, _) = new AllocationDesk(reopened.Services).Run(RoundFixture.Round, RoundFixture.Quotas(reopened, quotas), PointsRuleTable.Example(),
            RoundFixture.Day, "s", TieBreakers.Default, "test");
        Assert.Equal(400, reopened.Services.Placements(run.RunId).Count);
        Assert.Single(reopened.Services.AllocationRuns(RoundFixture.Round));
    }
}
