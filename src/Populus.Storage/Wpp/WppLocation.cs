using Populus.Demography;

namespace Populus.Storage.Wpp;

/// <summary>
/// One location's inputs from a UN World Population Prospects 2024 extract, as published: counts in thousands,
/// population at 1 July by single age 0..100+, mortality and fertility in five-year age groups and periods,
/// annual TFR, e0, SRB and net migration (by single age from 2023).
/// </summary>
/// <remarks>The layout is that of the extract's README (WPP 2024, UN DESA Population Division, CC BY 3.0 IGO).</remarks>
public sealed class WppLocation
{
    public required int LocationCode { get; init; }

    public required string LocationName { get; init; }

    /// <summary>Mid-year (1 July) population by year and sex, single ages 0..100+ (thousands).</summary>
    public required IReadOnlyDictionary<(int Year, Sex Sex), double[]> MidYearPopulation { get; init; }

    /// <summary>Central death rates by five-year period and sex on the abridged grid 0, 1–4, 5–9, …, 95–99, 100+.</summary>
    public required IReadOnlyList<WppPeriodSchedule> AbridgedMortality { get; init; }

    /// <summary>ASFR by five-year period for the groups 15–19 … 45–49 (births per woman per year).</summary>
    public required IReadOnlyList<WppPeriodSchedule> FiveYearFertility { get; init; }

    /// <summary>Total fertility by calendar year.</summary>
    public required IReadOnlyDictionary<int, double> TotalFertility { get; init; }

    /// <summary>Life expectancy at birth by calendar year and sex.</summary>
    public required IReadOnlyDictionary<(int Year, Sex Sex), double> LifeExpectancy { get; init; }

    /// <summary>Sex ratio at birth (males per female) by calendar year.</summary>
    public required IReadOnlyDictionary<int, double> SexRatioAtBirth { get; init; }

    /// <summary>Net migrants by calendar year and sex, single ages 0..100+ (thousands; published from 2023 on).</summary>
    public required IReadOnlyDictionary<(int Year, Sex Sex), double[]> NetMigration { get; init; }

    /// <summary>The abridged grid of <see cref="AbridgedMortality"/>.</summary>
    public static AgeGroups MortalityAges { get; } = AgeGroups.Abridged(100);

    /// <summary>The grid of <see cref="FiveYearFertility"/>.</summary>
    public static AgeGroups FertilityAges { get; } = AgeGroups.FiveYear(15, 50, open: false);

    /// <summary>The grid of population and migration: 0..100+.</summary>
    public static AgeGroups SingleAges { get; } = AgeGroups.SingleYear(100);
}

/// <summary>A schedule for one five-year period: the package's mid-year label (1953 for 1950–1955), sex, values.</summary>
public sealed record WppPeriodSchedule(Period Period, int MidYear, Sex Sex, double[] Values);
