namespace Populus.Storage.Registry;

/// <summary>
/// Rotation of a store's registry key, key files included: a new key is made beside the current key file, every
/// identity number is re-protected under it in one transaction (<see cref="PersonRegistry.RotateKey"/>), and only then
/// is the old key retired (<see cref="RegistryKey.Retire"/>).
/// </summary>
/// <remarks>
/// The order makes every interruption safe. Killed before the commit: the registry is unchanged and opens with the
/// old key, which is still in its file; the new key file (<c>&lt;key file&gt;.new</c>) is reused by the next rotation.
/// Killed after the commit but before the files are swapped: the registry opens only with the new key, which is in
/// the <c>.new</c> file, and the next rotation notices that and just finishes the swap.
/// </remarks>
internal static class RegistryKeyRotation
{
    public static string ReplacementPath(string keyPath) => keyPath + ".new";

    public static long Rotate(SqlStore store, string? keyFile, IProgress<long>? progress, Action? beforeCommit)
    {
        var path = RegistryKey.PathForStore(store.Backend, keyFile);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"there is no registry key file {path}: nothing to rotate");
        }

        var replacement = ReplacementPath(path);
        using var newKey = RegistryKey.LoadOrCreate(replacement);
        long rotated;
        using (var oldKey = RegistryKey.LoadOrCreate(path))
        {
            PersonRegistry registry;
            try
            {
                registry = store.OpenRegistry(oldKey);
            }
            catch (RegistryKeyMismatchException) when (Opens(store, newKey))
            {
                // An earlier rotation committed and was stopped before it swapped the key files: finish it.
                RegistryKey.Retire(path, replacement);
                return 0;
            }

            using (registry)
            {
                rotated = registry.RotateKey(newKey, store.Backend, progress, beforeCommit);
            }
        }

        RegistryKey.Retire(path, replacement);
        return rotated;
    }

    private static bool Opens(SqlStore store, RegistryKey key)
    {
        try
        {
            using var registry = store.OpenRegistry(key);
            return true;
        }
        catch (RegistryKeyMismatchException)
        {
            return false;
        }
    }
}
