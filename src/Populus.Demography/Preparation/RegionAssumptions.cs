using Populus.Demography.LifeTables;

namespace Populus.Demography.Preparation;

/// <summary>
/// The assumptions of one region of a projection, as given: age schedules at some times, optional annual levels to
/// calibrate them to, the sex ratio at birth, and net migrants by calendar year. <see cref="StepRatePreparation"/>
/// turns them into the rates of any projection step.
/// </summary>
/// <remarks>Nothing here is specific to a source: the WPP pipeline fills it from five-year periods and annual series,
/// the input bundle from rates by year held constant until the next year given.</remarks>
public sealed class RegionAssumptions
{
    /// <summary>The projection grid: single years 0..ω+.</summary>
    public required AgeGroups Ages { get; init; }

    public required ScheduleTrajectory<DeathRates> MaleMortality { get; init; }

    public required ScheduleTrajectory<DeathRates> FemaleMortality { get; init; }

    /// <summary>Fertility by the mother's age (births per woman per year).</summary>
    public required ScheduleTrajectory<FertilityRates> Fertility { get; init; }

    /// <summary>Males per female birth.</summary>
    public required Trajectory SexRatioAtBirth { get; init; }

    /// <summary>Life-table conventions for males (a0 rule, open-age closure) used for survival ratios and e0.</summary>
    public required LifeTableOptions MaleLifeTable { get; init; }

    public required LifeTableOptions FemaleLifeTable { get; init; }

    /// <summary>Male e0 to scale the death rates to; the rates are used as given when null.</summary>
    public Trajectory? MaleLifeExpectancy { get; init; }

    public Trajectory? FemaleLifeExpectancy { get; init; }

    /// <summary>TFR to scale the fertility schedule to; used as given when null.</summary>
    public Trajectory? TotalFertility { get; init; }

    /// <summary>Net external migrants by calendar year on <see cref="Ages"/>; none when null.</summary>
    public AnnualCounts? MaleMigrants { get; init; }

    public AnnualCounts? FemaleMigrants { get; init; }
}
