namespace Populus.Demography.Stochastic;

/// <summary>What each trajectory records for every unit and output year beside the population by sex and age group.</summary>
public enum TrajectoryIndicator
{
    /// <summary>Total population at the year.</summary>
    Population,

    /// <summary>Births in the step that ends at the year.</summary>
    Births,

    /// <summary>External net migrants in that step (central plus the simulated deviation).</summary>
    NetMigrants,

    /// <summary>The step's simulated TFR (units only; NaN for the sum of units).</summary>
    TotalFertility,

    /// <summary>The step's simulated male e0 (units only).</summary>
    MaleLifeExpectancy,

    /// <summary>The step's simulated female e0 (units only).</summary>
    FemaleLifeExpectancy,

    /// <summary>Percentage aged 0–14.</summary>
    ChildSharePercent,

    /// <summary>Percentage aged 65 and over.</summary>
    OlderSharePercent,

    /// <summary>Persons aged 65+ per 100 aged 15–64.</summary>
    OldAgeDependencyRatio,
}
