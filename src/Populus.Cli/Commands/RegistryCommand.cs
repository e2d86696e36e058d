using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Populus.Storage;
using Populus.Storage.Registry;

namespace Populus.Cli.Commands;

/// <summary>`populus registry rotate-key [--db …] [--key-file …]`: re-protects every identity number under a new key and retires the old one.</summary>
internal static class RegistryCommand
{
    /// <summary>Test hook (<see cref="CommitHold"/>): milliseconds to hold the rotation open with every number re-protected.</summary>
    internal const string HoldVariable = "POPULUS_ROTATE_HOLD_MS";

    public static Command Create()
    {
        var db = DbOption.Create();
        var keyFile = new Option<string?>("--key-file")
        {
            Description = $"The current registry key file (default: ${RegistryKey.KeyFileVariable}, else for a DuckDB store <store folder>.key beside that folder; required for PostgreSQL)",
        };
        var rotate = new Command("rotate-key", "Re-protect every stored identity number under a fresh key in one transaction, then retire the old key (its file is overwritten by the new key)")
        {
            db, keyFile,
        };
        rotate.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var timer = Stopwatch.StartNew();
            var rotated = store.RotateRegistryKey(parse.GetValue(keyFile), beforeCommit: CommitHold.FromEnvironment(HoldVariable, "rotate-key: numbers re-protected", output));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"re-protected {rotated:N0} identity numbers under a new key in {timer.Elapsed.TotalSeconds:F2} s; the old key is retired"));
            return CommandExit.Done;
        }));
        return new Command("registry", "The person registry: key management") { rotate };
    }
}
