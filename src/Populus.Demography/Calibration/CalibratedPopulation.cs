using System.Collections.Immutable;

namespace Populus.Demography.Calibration;

/// <summary>A population calibrated to published margins.</summary>
/// <param name="Population">The calibrated population by single year of age and sex.</param>
/// <param name="RepairedGroups">Groups of the standard whose single-year split had negatives to repair (see <see cref="Graduation.AgeGraduation"/>), as "M 95-99".</param>
/// <param name="Iterations">Raking sweeps used.</param>
public sealed record CalibratedPopulation(PopulationByAgeSex Population, ImmutableArray<string> RepairedGroups, int Iterations);
