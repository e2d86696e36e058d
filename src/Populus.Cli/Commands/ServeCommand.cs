using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Populus.Storage;
using Populus.Web.Hosting;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus serve [--urls URL] [--db …]`: the cockpit and the API on the store (embedded DuckDB by default, created
/// with the Wenzhou reference data on first run; PostgreSQL with --db "Host=…"). On a store without accounts the
/// administrator is made and its password printed once here.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {PopulusWebApp.DefaultUrls}; loopback unless you say otherwise)" };
        var db = DbOption.Create();
        var command = new Command("serve", "Run the cockpit (web UI) and the API /api/v1 with its OpenAPI document /openapi/v1.json") { urls, db };
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            var listen = parse.GetValue(urls) ?? PopulusWebApp.DefaultUrls;
            var app = PopulusWebApp.Create(["--urls", listen], parse.GetValue(db));
            output.WriteLine($"Populus cockpit: {listen.Split(';')[0]}/  (API reference: /api.html; stop with Ctrl+C)");
            output.WriteLine(EstimatesLine(app.Services.GetRequiredService<IPopulusStore>().Vintages()));
            app.Start();
            PopulusWebApp.WarmUpInBackground(app);
            app.WaitForShutdown();
            return CommandExit.Done;
        }));
        return command;
    }

    /// <summary>What the cockpit's figures between censuses rest on: the latest vintage of the annual estimates, or none
    /// yet (then the projection's), with the command that makes one; a vintage is a release, never made unasked.</summary>
    internal static string EstimatesLine(IReadOnlyList<EstimateVintage> vintages) => vintages is [.., var latest]
        ? string.Create(CultureInfo.InvariantCulture,
            $"Annual estimates: vintage {latest.Vintage} (made {latest.CreatedAtUtc:yyyy-MM-dd}); `populus estimate` makes the next once a later year end is published.")
        : "Annual estimates: none stored yet, so between censuses the age structure is the projection's; `populus estimate` makes a vintage from the published figures.";
}
