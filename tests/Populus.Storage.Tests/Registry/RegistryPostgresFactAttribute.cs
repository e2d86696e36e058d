namespace Populus.Storage.Tests.Registry;

/// <summary>
/// A test needing PostgreSQL (connection string in POPULUS_TEST_PG): skipped when the variable is absent on a
/// developer machine, run (and so failing) when CI=true, so CI can never pass by skipping.
/// </summary>
public sealed class RegistryPostgresFactAttribute : FactAttribute
{
    public const string Variable = "POPULUS_TEST_PG";

    public RegistryPostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{Variable} is not set (PostgreSQL tests run when it holds a connection string; they fail instead of skipping when CI=true)";
        }
    }
}
