using System.Diagnostics;

namespace Populus.Reports.Tests;

/// <summary>Runs the command-line tools the tests inspect outputs with (poppler-utils).</summary>
internal static class Tools
{
    public static string Run(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>The pixel size recorded in a PNG's IHDR chunk.</summary>
    public static (int Width, int Height) PngSize(ReadOnlySpan<byte> png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[16..20]),
         System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[20..24]));
}
