namespace Populus.Planning.Data;

/// <summary>The reasons a data source gives for a figure it does not hold, worded alike by every source.</summary>
internal static class MissingData
{
    public static string Population(PopulationKind kind, string regionName, int year) =>
        $"no {kind.ToString().ToLowerInvariant()} population of {regionName} in {year} in the data";

    public static string Births(string regionName, int year) => $"no births of {regionName} in {year} in the data";

    public static string Deaths(string regionName, int year) => $"no deaths of {regionName} in {year} in the data";

    public static string Education(string regionName, int year) => $"no education counts of {regionName} in {year} in the data";

    public static string Series(string name, string regionName, int year) => $"no {name} of {regionName} in {year} in the data";

    public static string Reported(string indicatorId, string regionName, int year) => $"no reported {indicatorId} of {regionName} in {year} in the data";
}
