namespace Populus.Demography.Projection;

/// <summary>Which flows a projection keeps by age beside the population (always kept) and births by state and sex.</summary>
/// <remarks>Each detailed flow costs as much memory as the population itself: 1,000 regions × 202 ages × 100 years
/// is 160 MB a flow. Large batch runs that need only populations leave them out.</remarks>
[Flags]
public enum ProjectionOutputs
{
    /// <summary>Population by year, state, sex and age; births by state and sex.</summary>
    Population = 0,

    /// <summary>Deaths by step, state, sex and age.</summary>
    Deaths = 1,

    /// <summary>External net migrants and transfers in and out between states, by step, state, sex and age.</summary>
    Migration = 2,

    /// <summary>Births by step, mother's state and mother's age group.</summary>
    BirthsByMothersAge = 4,

    /// <summary>Everything.</summary>
    All = Deaths | Migration | BirthsByMothersAge,
}
