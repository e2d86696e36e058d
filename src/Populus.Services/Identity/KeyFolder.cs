namespace Populus.Services.Identity;

/// <summary>
/// The folder holding the secret keys of the services: the identity hashing key and the permit signing keys. Keys
/// live outside the database, so a copy or backup of the store discloses neither. New key files are created
/// readable and writable by their owner only (0600), the folder 0700.
/// </summary>
public sealed class KeyFolder
{
    /// <summary>The environment variable naming the folder when no --keys is given.</summary>
    public const string Variable = "POPULUS_KEYS";

    /// <summary>The folder used when neither --keys nor <see cref="Variable"/> is given (relative to the working folder).</summary>
    public static readonly string DefaultPath = System.IO.Path.Combine("populus-data", "keys");

    private KeyFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>The folder named by <paramref name="path"/>, else by POPULUS_KEYS, else populus-data/keys; created (0700) when missing.</summary>
    public static KeyFolder Open(string? path = null)
    {
        var target = string.IsNullOrWhiteSpace(path) ? Environment.GetEnvironmentVariable(Variable) : path;
        if (string.IsNullOrWhiteSpace(target))
        {
            target = DefaultPath;
        }

        if (!Directory.Exists(target))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(target);
            }
            else
            {
                Directory.CreateDirectory(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return new KeyFolder(System.IO.Path.GetFullPath(target));
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a new secret file that only its owner may read; refuses to overwrite one.</summary>
    public void CreateSecret(string name, ReadOnlySpan<byte> content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(File(name), options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Refuses a secret file that others may read: a key copied with loose permissions is a leaked key.</summary>
    public void CheckPrivate(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = System.IO.File.GetUnixFileMode(File(name));
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                    UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & others) != 0)
        {
            throw new UnauthorizedAccessException(
                $"The key file {File(name)} can be read by other users (mode {Convert.ToString((int)mode, 8)}); make it private with chmod 600 before use.");
        }
    }
}
