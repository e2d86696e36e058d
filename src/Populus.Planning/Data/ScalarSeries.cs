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

    /// <summary>Every known series by its name in the field's Chinese, as reasons for a missing one say it.</summary>
    private static readonly IReadOnlyDictionary<string, string> NamesZh = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Gdp] = "地区生产总值",
        [EmployedPersons] = "年平均从业人员数",
        [Graduates] = "高校应届毕业生数",
        [GraduatesRetained] = "留温毕业生数",
    };

    public static bool IsKnown(string name) => Units.ContainsKey(name);

    /// <summary>The series' Chinese name (地区生产总值), or the name itself for a series not known here.</summary>
    public static string NameZh(string name) => NamesZh.GetValueOrDefault(name, name);
}
