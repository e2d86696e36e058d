using System.Security.Cryptography;

namespace Populus.Storage.Registry;

/// <summary>
/// The secret that protects identity numbers in the registry: a 32-byte random key read from a key file kept
/// outside the database, from which two independent keys are derived (HKDF-SHA256): one for the keyed look-up
/// value and one for sealing the numbers (both AES-256; see <see cref="IdProtector"/>).
/// </summary>
/// <remarks>
/// Keeping the key out of the database is what makes a copied database file useless: it holds only keyed look-up values and
/// ciphertexts. The database records the key's <see cref="KeyId"/> (itself derived one-way from the key) so that
/// opening it with another key fails at once instead of silently finding nobody.
/// </remarks>
public sealed class RegistryKey : IDisposable
{
    /// <summary>Bytes of key material in a key file.</summary>
    public const int KeyBytes = 32;

    /// <summary>The environment variable naming the key file.</summary>
    public const string KeyFileVariable = "POPULUS_KEY_FILE";

    private readonly byte[] _lookupKey;
    private readonly byte[] _sealKey;

    private RegistryKey(ReadOnlySpan<byte> master)
    {
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, info: "populus registry id lookup aes v2"u8.ToArray());
        _sealKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, info: "populus registry id seal aes v2"u8.ToArray());
        KeyId = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 16, info: "populus registry key id v1"u8.ToArray());
    }

    /// <summary>A fingerprint of the key, stored in the database to recognise the key that sealed it.</summary>
    public byte[] KeyId { get; }

    internal ReadOnlySpan<byte> LookupKey => _lookupKey;

    internal ReadOnlySpan<byte> SealKey => _sealKey;

    /// <summary>Uses key material held in memory (tests, key management tools).</summary>
    /// <exception cref="ArgumentException">The material is not <see cref="KeyBytes"/> long.</exception>
    public static RegistryKey FromBytes(ReadOnlySpan<byte> keyMaterial) => keyMaterial.Length == KeyBytes
        ? new RegistryKey(keyMaterial)
        : throw new ArgumentException($"a registry key has {KeyBytes} bytes, not {keyMaterial.Length}", nameof(keyMaterial));

    /// <summary>
    /// Reads the key file, or creates it with a fresh random key when it does not exist. A new file is readable by its
    /// owner only (mode 0600); an existing file that others can read is refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file has the wrong length or is readable by group or others.</exception>
    public static RegistryKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            TryCreate(full);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(full);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException(
                    $"the registry key file {full} can be read or written by other users (mode {Convert.ToString((int)mode, 8)}); run: chmod 600 '{full}'");
            }
        }

        var material = File.ReadAllBytes(full);
        try
        {
            return material.Length == KeyBytes
                ? new RegistryKey(material)
                : throw new InvalidOperationException($"the registry key file {full} holds {material.Length} bytes; a key file holds {KeyBytes}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>
    /// The key file to use: <paramref name="configured"/> if given, else the file named by POPULUS_KEY_FILE, else
    /// <c>&lt;store folder&gt;.key</c> beside (not inside) the store folder, so that copying the folder leaves the key behind.
    /// </summary>
    public static string ResolvePath(string? configured, string storeFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(KeyFileVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(storeFolder));
        return folder + ".key";
    }

    /// <summary>
    /// The key of a store's registry: <paramref name="configured"/>, else POPULUS_KEY_FILE, else (DuckDB) the file
    /// beside the store folder, created on first use. A PostgreSQL store has no folder, so its key file must be named.
    /// </summary>
    /// <exception cref="InvalidOperationException">No key file is named for a PostgreSQL store, or the file is refused.</exception>
    internal static RegistryKey ForStore(Engines.Engine engine, string? configured) => LoadOrCreate(PathForStore(engine, configured));

    /// <summary>The key file of a store's registry, as <see cref="ForStore"/> resolves it.</summary>
    /// <exception cref="RegistryKeyNotConfiguredException">No key file is named for a PostgreSQL store.</exception>
    internal static string PathForStore(Engines.Engine engine, string? configured)
    {
        if (engine.Kind == StoreEngine.DuckDb)
        {
            return ResolvePath(configured, Path.GetDirectoryName(engine.Location)!);
        }

        var named = !string.IsNullOrWhiteSpace(configured) ? configured : Environment.GetEnvironmentVariable(KeyFileVariable);
        return string.IsNullOrWhiteSpace(named)
            ? throw new RegistryKeyNotConfiguredException()
            : Path.GetFullPath(named);
    }

    /// <summary>
    /// Retires the key in <paramref name="path"/> for the one in <paramref name="replacement"/>: the old file is
    /// overwritten with zeros and flushed, then the replacement is renamed over it (one atomic rename).
    /// </summary>
    /// <remarks>
    /// Zeroing first means the old key does not survive in the file's blocks after the rename frees them (on file systems
    /// that write in place; copy-on-write file systems and backups may still hold it, which is why the store itself no
    /// longer accepts it). Interrupted between the two steps, the path holds zeros, a key under which the registry does
    /// not open, and the replacement is still beside it: rotating again finishes the swap.
    /// </remarks>
    internal static void Retire(string path, string replacement)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            stream.Write(new byte[stream.Length]);
            stream.Flush(flushToDisk: true);
        }

        File.Move(replacement, path, overwrite: true);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_lookupKey);
        CryptographicOperations.ZeroMemory(_sealKey);
    }

    private static void TryCreate(string full)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        Span<byte> material = stackalloc byte[KeyBytes];
        RandomNumberGenerator.Fill(material);
        try
        {
            using var stream = new FileStream(full, options);
            stream.Write(material);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(full))
        {
            // Another process created the key first; use theirs.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
