using System.CommandLine;
using Populus.Storage;

namespace Populus.Cli.Commands;

/// <summary>The `--db` option shared by every command that opens the store.</summary>
internal static class DbOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = $"The store: a DuckDB file, or a PostgreSQL connection string \"Host=…;Database=…\" (default: ${PopulusStore.DatabaseVariable}, else {PopulusStore.DefaultPath})",
    };
}
