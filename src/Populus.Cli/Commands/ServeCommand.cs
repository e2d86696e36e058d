using System.CommandLine;
using Microsoft.Extensions.Hosting;
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
            app.Start();
            PopulusWebApp.WarmUpInBackground(app);
            app.WaitForShutdown();
            return CommandExit.Done;
        }));
        return command;
    }
}
