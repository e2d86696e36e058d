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

    /// <summary>
    /// Adds the services' common options --db, --keys and --actor to <paramref name="command"/>: every services command
    /// takes all three (docs/services.md "Commands"), so that one set of them can be given to each, as scripts do. One
    /// the command has no use for is accepted and ignored, and its help says so: refusing it would print the whole usage
    /// for an option that changes nothing (`settle check` reads no store, `permit show` signs nothing).
    /// </summary>
    public static CommonOptions Common(Command command, bool db = false, bool keys = false, bool actor = false)
    {
        var common = new CommonOptions(Used(DbOption.Create(), db), Used(Keys(), keys), Used(Actor(), actor));
        command.Options.Add(common.Db);
        command.Options.Add(common.Keys);
        command.Options.Add(common.Actor);
        return common;
    }

    private static Option<string?> Used(Option<string?> option, bool used)
    {
        if (!used)
        {
            option.Description = "Not used by this command (accepted as a common option of the services commands)";
        }

        return option;
    }

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

/// <summary>The services' common options of one command (<see cref="ServiceOptions.Common"/>).</summary>
internal sealed record CommonOptions(Option<string?> Db, Option<string?> Keys, Option<string?> Actor);
