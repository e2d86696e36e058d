namespace Populus.Planning.Scenarios;

/// <summary>One assumption a scenario sets year by year.</summary>
public enum ScenarioAssumption
{
    /// <summary>Total fertility rate (children per woman), applied to every region's women with one age pattern.</summary>
    TotalFertility,

    /// <summary>Male life expectancy at birth (years): the standard death rates are scaled to it.</summary>
    MaleLifeExpectancy,

    /// <summary>Female life expectancy at birth (years).</summary>
    FemaleLifeExpectancy,

    /// <summary>Sex ratio at birth, males per 100 females.</summary>
    SexRatioAtBirth,

    /// <summary>Net migrants into the city a year (persons) at the reference graduate retention rate.</summary>
    NetMigration,

    /// <summary>Graduates of the city's higher-education institutions a year (persons).</summary>
    Graduates,

    /// <summary>Share of those graduates who stay in the city (%).</summary>
    GraduateRetention,

    /// <summary>Urban share of the city's residents (%) at the end of the year: drives rural→urban reclassification.</summary>
    Urbanization,

    /// <summary>Life expectancy at birth of both sexes (years) as monitoring computes it: one life table over both
    /// sexes' deaths and residents. Optional: when a scenario gives it, each year's male and female e0 keep their
    /// female–male gap and move together by the one shift that gives this level (<see cref="MortalityLevels.BothSexesShift"/>).</summary>
    LifeExpectancy,
}

/// <summary>The names, units and plausible ranges of <see cref="ScenarioAssumption"/>s, as written in scenario files.</summary>
public static class ScenarioAssumptions
{
    /// <summary>Every assumption with its file name, unit and accepted range.</summary>
    public static IReadOnlyList<(ScenarioAssumption Assumption, string Name, string Unit, double Minimum, double Maximum)> All { get; } =
    [
        (ScenarioAssumption.TotalFertility, "tfr", "children per woman", 0.3, 5),
        (ScenarioAssumption.MaleLifeExpectancy, "e0_male", "years", 40, 100),
        (ScenarioAssumption.FemaleLifeExpectancy, "e0_female", "years", 40, 100),
        (ScenarioAssumption.SexRatioAtBirth, "srb", "males per 100 females", 90, 130),
        (ScenarioAssumption.NetMigration, "net_migration", "persons/year", -1_000_000, 1_000_000),
        (ScenarioAssumption.Graduates, "graduates", "persons/year", 0, 1_000_000),
        (ScenarioAssumption.GraduateRetention, "graduate_retention", "%", 0, 100),
        (ScenarioAssumption.Urbanization, "urbanization", "%", 0, 100),
        (ScenarioAssumption.LifeExpectancy, "e0", "years (both sexes)", 40, 100),
    ];

    /// <summary>Whether every scenario must give the assumption (itself or through its base): all but the both-sexes
    /// e0, which a scenario stating its sexes' e0 does without.</summary>
    public static bool IsRequired(this ScenarioAssumption assumption) => assumption != ScenarioAssumption.LifeExpectancy;

    /// <summary>The file name of an assumption ("tfr").</summary>
    public static string Name(this ScenarioAssumption assumption) => All.First(a => a.Assumption == assumption).Name;

    /// <summary>The assumption a file name stands for, or null.</summary>
    public static ScenarioAssumption? Parse(string name)
    {
        foreach (var a in All)
        {
            if (string.Equals(a.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return a.Assumption;
            }
        }

        return null;
    }

    /// <summary>The accepted range of an assumption's values.</summary>
    public static (double Minimum, double Maximum) Range(this ScenarioAssumption assumption)
    {
        var a = All.First(x => x.Assumption == assumption);
        return (a.Minimum, a.Maximum);
    }
}
