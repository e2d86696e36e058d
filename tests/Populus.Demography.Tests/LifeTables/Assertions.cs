namespace Populus.Demography.Tests.LifeTables;

internal static class Assertions
{
    /// <summary>Fails with the age and both values when |actual − expected| &gt; tolerance·|expected|.</summary>
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2} > {tolerance:E0}).");
    }

    public static void Absolute(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (error {error:E2} > {tolerance:E0}).");
    }
}
