using System.Diagnostics;

namespace Populus.Storage.Tests;

/// <summary>The built `populus` CLI run as a separate process (for crash and lock tests).</summary>
public sealed class ChildCli : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _marker = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _output = new();

    private ChildCli(Process process)
    {
        _process = process;
    }

    /// <summary>Starts `populus import …` that holds its transaction open after writing every row.</summary>
    public static ChildCli StartHeldImport(string db, string kind, string file, int holdMs = 60_000) =>
        StartHeld("POPULUS_IMPORT_HOLD_MS", holdMs, "import", kind, file, "--db", db);

    /// <summary>Starts `populus withdraw …` that holds its transaction open with the batch's figures deleted.</summary>
    public static ChildCli StartHeldWithdrawal(string db, string batch, int holdMs = 60_000) =>
        StartHeld("POPULUS_WITHDRAW_HOLD_MS", holdMs, "withdraw", batch, "--reason", "killed before its commit", "--db", db);

    /// <summary>Starts `populus registry rotate-key …` that holds its transaction open with every number re-protected.</summary>
    public static ChildCli StartHeldRotation(string db, string keyFile, int holdMs = 60_000) =>
        StartHeld("POPULUS_ROTATE_HOLD_MS", holdMs, "registry", "rotate-key", "--db", db, "--key-file", keyFile);

    private static ChildCli StartHeld(string holdVariable, int holdMs, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "populus.dll"));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment[holdVariable] = holdMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("POPULUS_DB");
        start.Environment.Remove("POPULUS_KEY_FILE");
        var process = Process.Start(start)!;
        var child = new ChildCli(process);
        process.OutputDataReceived += (_, e) => child.Seen(e.Data);
        process.ErrorDataReceived += (_, e) => child.Seen(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the child has written every row inside its open transaction.</summary>
    public void WaitUntilHolding()
    {
        if (!_marker.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("The child never reached its commit point. Output:\n" + Output);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: no cleanup code of the child runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Seen(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("holding before commit", StringComparison.Ordinal))
        {
            _marker.TrySetResult();
        }
        else if (line.Contains("refused", StringComparison.Ordinal) || line.Contains("failed", StringComparison.Ordinal)
                 || line.Contains("Unhandled", StringComparison.Ordinal))
        {
            _marker.TrySetException(new InvalidOperationException("The child failed:\n" + Output));
        }
    }
}
