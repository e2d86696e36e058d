using Populus.Demography;
using Populus.Demography.Migration;

namespace Populus.Planning.Scenarios;

/// <summary>
/// What a scenario projection keeps fixed whatever the scenario: the regions and their base, the standard age
/// patterns of mortality, fertility and migration. <see cref="ScenarioProjector"/> precomputes from it once.
/// </summary>
public sealed class ScenarioModel
{
    private MortalityLevels? _mortality;

    /// <summary>The city the regions make up (温州市): its figures are the sums over the regions.</summary>
    public required string City { get; init; }

    /// <summary>The year of the base population; the first projected year is the next.</summary>
    public required int BaseYear { get; init; }

    /// <summary>Provenance source of the base population ("estimates: 2020 census calibrated by IPF").</summary>
    public required string BaseSource { get; init; }

    /// <summary>The regions, all on one single-year grid 0..ω+.</summary>
    public required IReadOnlyList<CountyBase> Counties { get; init; }

    /// <summary>Male death rates on the base grid whose level the scenario's e0 sets (the shape is kept).</summary>
    public required DeathRates MaleMortalityPattern { get; init; }

    /// <summary>Female death rates on the base grid.</summary>
    public required DeathRates FemaleMortalityPattern { get; init; }

    /// <summary>Fertility by single year of the mother's age whose level the scenario's TFR sets.</summary>
    public required FertilityRates FertilityPattern { get; init; }

    /// <summary>Age profile of net migrants [RC1981].</summary>
    public RogersCastroSchedule MigrationSchedule { get; init; } = RogersCastroSchedule.Standard;

    /// <summary>Share of net migrants who are male.</summary>
    public required double MigrantMaleShare { get; init; }

    /// <summary>Age at which graduates join the labour market and the city's population (or leave it).</summary>
    public int GraduateAge { get; init; } = 22;

    /// <summary>The graduate retention rate (%) already contained in the scenarios' net migration (the level of the
    /// years it was taken from); retention above it adds graduates to net migration, below it removes them.</summary>
    public required double ReferenceRetention { get; init; }

    /// <summary>The single-year grid of the base.</summary>
    public AgeGroups Ages => Counties[0].Population.Ages;

    /// <summary>The mortality patterns scaled to each e0 asked of the model, kept for every projector and probabilistic run
    /// of it: a level depends on the patterns and the e0 alone, and the runs of a server or a goal seeker draw the same
    /// levels again (the patterns are set once, when the model is made).</summary>
    internal MortalityLevels Mortality => LazyInitializer.EnsureInitialized(ref _mortality, () => new MortalityLevels(this));
}
