namespace Populus.Planning.Data;

/// <summary>The reasons a data source gives for a figure it does not hold, worded alike by every source.</summary>
internal static class MissingData
{
    public static Reason Population(PopulationKind kind, string regionName, int year) =>
        new($"no {kind.ToString().ToLowerInvariant()} population of {regionName} in {year} in the data", $"数据中没有{regionName}{year}年的{Chinese(kind)}");

    public static Reason Births(string regionName, int year) => new($"no births of {regionName} in {year} in the data", $"数据中没有{regionName}{year}年的出生数");

    public static Reason Deaths(string regionName, int year) => new($"no deaths of {regionName} in {year} in the data", $"数据中没有{regionName}{year}年的死亡数");

    public static Reason Education(string regionName, int year) =>
        new($"no education counts of {regionName} in {year} in the data", $"数据中没有{regionName}{year}年分受教育程度的人数");

    public static Reason Series(string name, string regionName, int year) =>
        new($"no {name} of {regionName} in {year} in the data", $"数据中没有{regionName}{year}年的{ScalarSeries.NameZh(name)}");

    public static Reason Reported(string indicatorId, string regionName, int year) =>
        new($"no reported {indicatorId} of {regionName} in {year} in the data", $"数据中没有{regionName}{year}年的报送值");

    /// <summary>The kind's name in the field's Chinese: 常住人口, 户籍人口, 城镇人口.</summary>
    public static string Chinese(PopulationKind kind) => kind switch
    {
        PopulationKind.Registered => "户籍人口",
        PopulationKind.Urban => "城镇人口",
        _ => "常住人口",
    };
}
