using Populus.Planning.Data;
using Populus.Storage;
using Populus.Storage.Registry;
using Populus.Web.Hosting;

namespace Populus.Web.Registry;

/// <summary>Opens the store's person registry (migration 4) with its key for one request, or says why it cannot.</summary>
internal sealed class RegistryAccess(IPopulusStore store, PopulusSettings settings)
{
    /// <summary>Runs <paramref name="read"/> on the registry, or returns why it cannot (no key file named, another key),
    /// in English and Chinese around the store's own words.</summary>
    public (T? Value, Reason? Missing) Read<T>(Func<PersonRegistry, T> read)
    {
        try
        {
            using var registry = store.OpenRegistry(settings.RegistryKeyFile);
            return (read(registry), null);
        }
        catch (Exception ex) when (ex is RegistryKeyMismatchException or InvalidOperationException)
        {
            return (default, new Reason("the person registry cannot be opened: " + ex.Message, "无法打开人员登记库：" + ex.Message));
        }
    }
}
