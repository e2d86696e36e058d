using Populus.Storage;
using Populus.Storage.Tabular;

namespace Populus.Cli.Commands;

/// <summary>The error handling of the plan-monitoring commands (indicators, evaluate, goal, demand, report).</summary>
internal static class PlanCommand
{
    /// <summary>Runs a command body: refused input (file, row, column, value, reason) or a store that cannot be opened
    /// prints its message and exits 2, as docs/planning.md "Commands" documents.</summary>
    public static int Run(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is InvalidInputException or StoreOpenException)
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }
}
