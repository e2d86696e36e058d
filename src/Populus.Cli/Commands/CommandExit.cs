using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Populus.Planning.Data;
using Populus.Storage;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Cli.Commands;

/// <summary>
/// The exit codes of every `populus` command, and the one wrapper that runs a command's body and turns what it throws
/// into them (README "Exit codes"):
/// <list type="table">
/// <item><term>0</term><description><see cref="Done"/>: the command did what was asked.</description></item>
/// <item><term>1</term><description><see cref="Refused"/>: the input or the arguments were refused; every problem is
/// named (file, row, column, value, reason) and nothing was changed. A file named that does not exist is refused
/// input too, and so are the parser's own refusals (an unknown option, a missing required one, a value outside its
/// list).</description></item>
/// <item><term>2</term><description><see cref="StoreOrFileFailed"/>: the store or a file could not be read or
/// written: corrupt, locked, of a newer schema, unreachable, sealed with another registry key, not permitted, or
/// another I/O error.</description></item>
/// <item><term>3</term><description><see cref="AnsweredNo"/>: the request was valid and its answer is no: the goal
/// cannot be reached, the person is not eligible, the permit is not valid, a recorded allocation does not
/// recompute.</description></item>
/// </list>
/// </summary>
/// <remarks>
/// One convention, so that a script or scheduler can tell "fix the request" (1) from "fix the machine" (2) from "the
/// answer is no" (3) without knowing which command it ran. 1 for refused input matches what System.CommandLine
/// returns for a command line it cannot parse.
/// </remarks>
internal static class CommandExit
{
    /// <summary>The command did what was asked.</summary>
    public const int Done = 0;

    /// <summary>The input or the arguments were refused; nothing was changed.</summary>
    public const int Refused = 1;

    /// <summary>The store or a file could not be read or written.</summary>
    public const int StoreOrFileFailed = 2;

    /// <summary>A valid request whose answer is no (unreachable goal, not eligible, not valid).</summary>
    public const int AnsweredNo = 3;

    /// <summary>
    /// Runs a command body with the command's output and error writers and returns its exit code; a refusal or a store
    /// or file failure it throws is written to the error writer and exits <see cref="Refused"/> or
    /// <see cref="StoreOrFileFailed"/>.
    /// </summary>
    public static int Run(ParseResult parse, Func<TextWriter, TextWriter, int> body)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return body(output, error);
        }
        catch (InvalidInputException ex)
        {
            error.WriteLine($"refused, nothing was changed. {ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}:");
            foreach (var e in ex.Errors)
            {
                error.WriteLine("  " + e);
                if (e.ReasonZh is { } zh)
                {
                    error.WriteLine("    " + zh);
                }
            }

            return Refused;
        }
        catch (Exception ex) when (Bilingual(ex) is { } reason)
        {
            error.WriteLine($"refused, nothing was changed: {reason.English}");
            error.WriteLine($"  {reason.Chinese}");
            return Refused;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or JsonException or FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"refused, nothing was changed: {(ex is ArgumentException a ? Reason(a) : ex.Message)}");
            return Refused;
        }
        catch (Exception ex) when (ex is StoreOpenException or RegistryKeyMismatchException or DbException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"failed: {ex.Message}");
            return StoreOrFileFailed;
        }
    }

    /// <summary>The reason of a refusal worded in English and Chinese (a service's state, a permit's transition, a goal
    /// seek's question, an account, a permit's region), or null.</summary>
    private static Planning.Data.Reason? Bilingual(Exception ex) => ex switch
    {
        RefusedOperationException o => o.Reason,
        RefusedArgumentException r => r.Reason,
        _ => null,
    };

    /// <summary>An argument's refusal as its thrower worded it, without the suffixes .NET appends for programmers
    /// (" (Parameter 'vintage')", "Actual value was 2019."); led by what was refused when the words do not name it
    /// ("probability: must be strictly between 0 and 1").</summary>
    internal static string Reason(ArgumentException ex)
    {
        var message = ex.Message.Split('\n')[0].TrimEnd('\r');
        if (ex.ParamName is not { } name)
        {
            return message;
        }

        var suffix = $" (Parameter '{name}')";
        message = message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
        return message.Contains(name, StringComparison.OrdinalIgnoreCase) ? message : $"{name}: {message}";
    }
}
