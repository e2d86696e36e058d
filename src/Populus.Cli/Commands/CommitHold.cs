using System.Globalization;

namespace Populus.Cli.Commands;

/// <summary>
/// A test hook of the commands that write in one transaction (import, withdrawal, key rotation, allocation): when the named
/// environment variable holds a number of milliseconds, the command prints a marker with everything written and waits
/// that long before committing, so a test can kill the process mid-write and check the store is as it was.
/// </summary>
internal static class CommitHold
{
    /// <summary>The end of every marker; tests wait for it.</summary>
    internal const string MarkerEnd = "holding before commit";

    /// <summary>The action to run before the commit, or null when <paramref name="variable"/> is not set.</summary>
    public static Action? FromEnvironment(string variable, string what, TextWriter output)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return null;
        }

        return () =>
        {
            output.WriteLine($"{what}, {MarkerEnd}");
            output.Flush();
            Thread.Sleep(ms);
        };
    }
}
