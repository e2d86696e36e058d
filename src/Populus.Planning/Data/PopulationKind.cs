namespace Populus.Planning.Data;

/// <summary>Which population a count refers to.</summary>
public enum PopulationKind
{
    /// <summary>Usual residents (常住人口, census definition).</summary>
    Resident = 0,

    /// <summary>Holders of local household registration (户籍人口).</summary>
    Registered = 1,

    /// <summary>Usual residents of urban areas (城镇人口), the numerator of the urbanization rate.</summary>
    Urban = 2,
}
