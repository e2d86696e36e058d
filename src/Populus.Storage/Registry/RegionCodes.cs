namespace Populus.Storage.Registry;

/// <summary>Checks on the 6-digit GB/T 2260 region codes the registry stores as integers.</summary>
internal static class RegionCodes
{
    public static int Validate(int code, string name) => code is >= 110_000 and <= 829_999
        ? code
        : throw new ArgumentOutOfRangeException(name, code, "a region is a 6-digit GB/T 2260 code (110000–829999)");
}
