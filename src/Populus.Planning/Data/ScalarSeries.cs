namespace Populus.Planning.Data;

/// <summary>The scalar (not age-structured) series a formula may name in <c>series(name)</c>, and their units.
/// The storage layer supplies them in these units.</summary>
public static class ScalarSeries
{
    /// <summary>Gross domestic product, CNY (current prices).</summary>
    public const string Gdp = "gdp";

    /// <summary>Average number of employed persons in the year (年平均从业人员), persons.</summary>
    public const string EmployedPersons = "employed_persons";

    /// <summary>Graduates of the year from universities located in the region, persons.</summary>
    public const string Graduates = "graduates";

    /// <summary>Of <see cref="Graduates"/>, those employed in the region, persons.</summary>
    public const string GraduatesRetained = "graduates_retained";

    /// <summary>Every known series with its unit.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Gdp] = "CNY",
        [EmployedPersons] = "persons",
        [Graduates] = "persons",
        [GraduatesRetained] = "persons",
    };

    public static bool IsKnown(string name) => Units.ContainsKey(name);
}
