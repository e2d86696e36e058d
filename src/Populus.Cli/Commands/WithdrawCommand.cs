using System.CommandLine;
using System.Globalization;
using Populus.Storage;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus withdraw BATCH --reason "…" [--actor NAME] [--db …]`: withdraws a batch of figures found wrong (its figures
/// deleted, the batch keeping who, when and why), after which the corrected file is imported under another batch name;
/// `populus withdraw --list [--format table|csv|json]` lists the batches, the withdrawn ones with their withdrawal (docs/storage.md "Withdrawing a batch").
/// </summary>
internal static class WithdrawCommand
{
    /// <summary>Test hook (<see cref="CommitHold"/>): milliseconds to hold the withdrawal open with the figures deleted.</summary>
    internal const string HoldVariable = "POPULUS_WITHDRAW_HOLD_MS";

    public static Command Create()
    {
        var batch = new Argument<string?>("batch") { Description = "The batch to withdraw (its name as imported: the file name unless --batch named it)", Arity = ArgumentArity.ZeroOrOne };
        var reason = new Option<string?>("--reason") { Description = "Why: the figure found wrong and its correct value (required to withdraw)" };
        var list = new Option<bool>("--list") { Description = "List the batches instead, the withdrawn ones with who withdrew them, when and why" };
        var actor = ServiceOptions.Actor();
        var format = TableOutput.CreateOption();
        var db = DbOption.Create();
        var command = new Command("withdraw", "Withdraw a batch of figures found wrong (撤回导入批次), or list the batches") { batch, reason, list, actor, format, db };
        command.SetAction(parse => CommandExit.Run(parse, (output, error) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            if (parse.GetValue(list))
            {
                TableOutput.Write(output, parse.GetValue(format)!, ["batch", "kind", "file", "rows", "imported_at", "withdrawn_at", "withdrawn_by", "withdrawal_reason"],
                    store.Batches().Select(b => (IReadOnlyList<string?>)[b.Batch, b.Kind, b.File, b.Rows.ToString(CultureInfo.InvariantCulture), Time(b.ImportedAtUtc),
                        b.Withdrawn is { } w ? Time(w.WithdrawnAtUtc) : null, b.Withdrawn?.By, b.Withdrawn?.Reason]));
                return CommandExit.Done;
            }

            if (parse.GetValue(batch) is not { Length: > 0 } name)
            {
                error.WriteLine("Name the batch to withdraw (`populus withdraw --list` lists them), or give --list.");
                return CommandExit.Refused;
            }

            var withdrawn = store.Withdraw(name, parse.GetValue(reason) ?? "", ServiceOptions.ActorOf(parse, actor),
                CommitHold.FromEnvironment(HoldVariable, "withdraw: figures deleted", output));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Batch '{withdrawn.Batch}' ({withdrawn.Kind}) withdrawn: {withdrawn.Rows:N0} figures deleted, by {withdrawn.By} at {Time(withdrawn.WithdrawnAtUtc)} UTC. Import the corrected file under another batch name."));
            return CommandExit.Done;
        }));
        return command;
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
