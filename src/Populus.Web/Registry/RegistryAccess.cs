using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using Populus.Storage;
using Populus.Storage.Registry;
using Populus.Web.Hosting;

namespace Populus.Web.Registry;

/// <summary>
/// Opens the person registry that lives in the store's database (loaded by `populus generate-registry`), with its key
/// file, for one request. Nothing is created: without the registry tables or the key file the answer is the reason.
/// </summary>
internal sealed class RegistryAccess(IPopulusStore store, PopulusSettings settings)
{
    /// <summary>Runs <paramref name="read"/> on the registry, or returns why it cannot.</summary>
    public (T? Value, string? Missing) Read<T>(Func<PersonRegistry, T> read)
    {
        var keyPath = store.Engine == StoreEngine.DuckDb
            ? RegistryKey.ResolvePath(settings.RegistryKeyFile, Path.GetDirectoryName(store.Location)!)
            : settings.RegistryKeyFile ?? Environment.GetEnvironmentVariable(RegistryKey.KeyFileVariable);
        if (keyPath is null || !File.Exists(keyPath))
        {
            return (default, $"no person registry: its key file {(keyPath is null ? $"(--Populus:RegistryKeyFile or ${RegistryKey.KeyFileVariable})" : keyPath)} does not exist; load one with populus generate-registry");
        }

        using DbConnection connection = store.Engine == StoreEngine.DuckDb
            ? new DuckDBConnection($"Data Source={store.Location}")
            : new NpgsqlConnection(settings.Db ?? Environment.GetEnvironmentVariable(PopulusStore.DatabaseVariable));
        connection.Open();
        using (var probe = connection.CreateCommand())
        {
            probe.CommandText = $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{RegistrySchema.PersonTable}'";
            if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return (default, "no person registry is loaded in this store; load one with populus generate-registry");
            }
        }

        using var key = RegistryKey.LoadOrCreate(keyPath);
        PersonRegistry registry = connection is DuckDBConnection duck ? DuckDbPersonRegistry.Open(duck, key) : PostgresPersonRegistry.Open((NpgsqlConnection)connection, key);
        return (read(registry), null);
    }
}
