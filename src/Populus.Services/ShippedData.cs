namespace Populus.Services;

/// <summary>The files of data/services embedded in the assembly: the defaults when no file is given.</summary>
internal static class ShippedData
{
    public static string Text(string file)
    {
        using var stream = typeof(ShippedData).Assembly.GetManifestResourceStream($"Populus.Services.Data.{file}")
                           ?? throw new InvalidOperationException($"data/services/{file} is not embedded in Populus.Services.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
