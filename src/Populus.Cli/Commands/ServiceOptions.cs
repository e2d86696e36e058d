using System.CommandLine;
using System.Globalization;
using Populus.Services.Identity;
using Populus.Services.Permits;

namespace Populus.Cli.Commands;

/// <summary>Options shared by the services commands (settle, policies, permit, points, allocate, talent).</summary>
internal static class ServiceOptions
{
    public static Option<string?> Keys() => new("--keys")
    {
        Description = $"Folder of the secret keys (identity hashing, permit signing), outside the database (default: ${KeyFolder.Variable}, else {KeyFolder.DefaultPath})",
    };

    public static Option<string?> Actor() => new("--actor") { Description = "Who does this, for the audit trail (default: the login name)" };

    public static Option<string?> On() => new("--on") { Description = "The day (yyyy-mm-dd) whose rules apply (default: today, China Standard Time)" };

    public static Option<string?> Rules(string what) => new("--rules") { Description = what };

    public static string ActorOf(ParseResult parse, Option<string?> actor) =>
        parse.GetValue(actor) is { Length: > 0 } a ? a : Environment.UserName;

    public static DateOnly DayOf(ParseResult parse, Option<string?> on) =>
        parse.GetValue(on) is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new ArgumentException($"--on '{text}': not a date (write yyyy-mm-dd).")
            : PermitLifecycle.Day(DateTimeOffset.UtcNow);
}
