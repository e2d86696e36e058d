using Populus.Storage.Registry;

namespace Populus.Storage.Tests.Registry;

public class RegistryKeyTests
{
    [Fact]
    public void LoadOrCreate_CreatesAnOwnerOnlyFileAndReadsTheSameKeyBack()
    {
        var folder = RegistryTestData.TempFolder();
        try
        {
            var path = Path.Combine(folder, "keys", "registry.key");
            byte[] first;
            using (var key = RegistryKey.LoadOrCreate(path))
            {
                first = key.KeyId;
            }

            Assert.Equal(RegistryKey.KeyBytes, new FileInfo(path).Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            using var again = RegistryKey.LoadOrCreate(path);
            Assert.Equal(first, again.KeyId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadOrCreate_RefusesAKeyFileOthersCanRead()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = RegistryTestData.TempFolder();
        try
        {
            var path = Path.Combine(folder, "registry.key");
            RegistryKey.LoadOrCreate(path).Dispose();
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var ex = Assert.Throws<InvalidOperationException>(() => RegistryKey.LoadOrCreate(path));
            Assert.Contains("chmod 600", ex.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadOrCreate_RefusesAFileOfTheWrongLength()
    {
        var folder = RegistryTestData.TempFolder();
        try
        {
            var path = Path.Combine(folder, "registry.key");
            File.WriteAllBytes(path, new byte[7]);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            Assert.Throws<InvalidOperationException>(() => RegistryKey.LoadOrCreate(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ResolvePath_DefaultsBesideTheStoreFolderNotInsideIt()
    {
        var store = Path.Combine(Path.GetTempPath(), "populus-data");
        var configured = Path.Combine(Path.GetTempPath(), "elsewhere.key");
        Assert.Equal(Path.GetFullPath(configured), RegistryKey.ResolvePath(configured, store));
        if (Environment.GetEnvironmentVariable(RegistryKey.KeyFileVariable) is null)
        {
            var resolved = RegistryKey.ResolvePath(null, store + Path.DirectorySeparatorChar);
            Assert.Equal(store + ".key", resolved);
            Assert.False(resolved.StartsWith(store + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void IdProtector_OpensOnlyWithTheSameKeyAndPerson()
    {
        using var key = RegistryTestData.NewKey();
        using var other = RegistryTestData.NewKey();
        var id = "11010519491231002X"u8.ToArray();
        var sealedId = new byte[IdProtector.SealedLength];
        var opened = new byte[NationalIdNumber.Length];
        using var protector = new IdProtector(key);
        using var wrong = new IdProtector(other);
        protector.Seal(id, 42, sealedId);

        Assert.True(protector.TryOpen(sealedId, 42, opened));
        Assert.Equal(id, opened);
        Assert.False(wrong.TryOpen(sealedId, 42, opened));
        Assert.False(protector.TryOpen(sealedId, 43, opened)); // moved to another row
        sealedId[9] ^= 1;
        Assert.False(protector.TryOpen(sealedId, 42, opened)); // altered
        Assert.Equal(protector.Lookup(id), new IdProtector(key).Lookup(id));
        Assert.NotEqual(protector.Lookup(id), wrong.Lookup(id));
    }
}
