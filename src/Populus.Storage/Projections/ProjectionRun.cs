using Populus.Demography.Preparation;
using Populus.Demography.Projection;

namespace Populus.Storage.Projections;

/// <summary>A finished projection with what is needed to write it: the code of each state and the name of the column that carries it.</summary>
/// <param name="KeyColumn">"location_code" for a WPP location, "region" for an input bundle.</param>
/// <param name="Codes">The code of each state, in state order.</param>
/// <param name="Result">The engine's result (population years are the run's years).</param>
/// <param name="Prepared">The rates each step used, [step][state], with the levels they reach.</param>
/// <param name="PopulationDate">When in the year the populations stand, for headers and reports ("1 July", "1 January").</param>
/// <param name="PopulationUnit">What a population figure counts, for headers: WPP's "thousands", an input bundle's "the unit of the inputs" (its own).</param>
public sealed record ProjectionRun(
    string KeyColumn,
    IReadOnlyList<string> Codes,
    ProjectionResult Result,
    IReadOnlyList<IReadOnlyList<PreparedRates>> Prepared,
    string PopulationDate,
    string PopulationUnit);
