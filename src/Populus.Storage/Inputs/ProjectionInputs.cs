using Populus.Demography;

namespace Populus.Storage.Inputs;

/// <summary>
/// A projection's inputs as read from a bundle of CSV files (docs/inputs.md): a base population for each region and
/// rates by region and year. A year's rates hold until the next year given for that region.
/// </summary>
public sealed class ProjectionInputs
{
    /// <summary>Region codes in the order of population.csv.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Base population by region, all on one single-year grid 0..ω+.</summary>
    public required IReadOnlyDictionary<string, PopulationByAgeSex> BasePopulation { get; init; }

    /// <summary>Death rates by region and sex, by year (single-year or abridged ages).</summary>
    public required IReadOnlyDictionary<(string Region, Sex Sex), YearSeries<DeathRates>> Mortality { get; init; }

    /// <summary>Fertility rates by region, by year.</summary>
    public required IReadOnlyDictionary<string, YearSeries<FertilityRates>> Fertility { get; init; }

    /// <summary>Sex ratio at birth by region, by year.</summary>
    public required IReadOnlyDictionary<string, YearSeries<SexRatio>> SexRatioAtBirth { get; init; }

    /// <summary>Net external migrants by region and sex, by year; regions without migration.csv rows have none.</summary>
    public required IReadOnlyDictionary<(string Region, Sex Sex), YearSeries<NetMigrants>> NetMigration { get; init; }

    /// <summary>Origin–destination migration rates from the optional od_migration.csv.</summary>
    public required IReadOnlyList<OriginDestinationRate> OriginDestination { get; init; }

    /// <summary>A boxed <see cref="Demography.SexRatioAtBirth"/> so it fits <see cref="YearSeries{T}"/>.</summary>
    public sealed record SexRatio(SexRatioAtBirth Value);
}

/// <summary>The annual rate at which persons of one age and sex move from an origin to a destination region.</summary>
public sealed record OriginDestinationRate(string Origin, string Destination, int Year, Sex Sex, int Age, double Rate);
