using Populus.Demography.Estimation;

namespace Populus.Storage;

/// <summary>One run of the annual estimates: the series estimated with the data up to <see cref="Vintage"/>.</summary>
/// <param name="Vintage">The last year estimated (vintage 2024: year-ends 2020 to 2024).</param>
/// <param name="BaseDate">The base population's date (the census).</param>
/// <param name="LastDate">The last reference date (31 December of the vintage year).</param>
/// <param name="CreatedAtUtc">When the vintage was stored.</param>
/// <param name="Method">The method, in a sentence.</param>
/// <param name="Inputs">The published figures used, year by year, and the fallbacks taken.</param>
public sealed record EstimateVintage(int Vintage, DateOnly BaseDate, DateOnly LastDate, DateTime CreatedAtUtc, string Method, string Inputs);

/// <summary>An estimated population cell of a vintage: residents of one single age (the last, "100+", open) and sex.</summary>
public sealed record PopulationEstimateFigure(int Vintage, DateOnly ReferenceDate, string RegionCode, string Sex, string Age, double Persons, Provenance Provenance);

/// <summary>
/// A component of change of a vintage's period: births (sex of the child, age of the mother), deaths (age the cohort
/// reaches at the period's end; 0 = deaths among the period's births) or net migration (age at the period's end).
/// </summary>
public sealed record ComponentEstimateFigure(int Vintage, DateOnly PeriodStart, DateOnly PeriodEnd, string RegionCode, string Component, string Sex,
    string Age, double Persons, Provenance Provenance);

/// <summary>Estimates computed (not yet stored): the county-level units in order, and each period's result.</summary>
/// <param name="Vintage">The last year estimated.</param>
/// <param name="City">The city's code; its population is the sum of its units.</param>
/// <param name="Regions">The county-level units' codes, in the order of each period's populations.</param>
/// <param name="BaseDate">The base population's date.</param>
/// <param name="Base">The base population of each unit.</param>
/// <param name="Periods">One result a period: the census day to 31 December, then calendar years.</param>
/// <param name="CountiesCalibrated">Whether published county totals were met (false: an independent estimate for validation).</param>
public sealed record EstimateSeries(int Vintage, string City, IReadOnlyList<string> Regions, DateOnly BaseDate,
    IReadOnlyList<Populus.Demography.PopulationByAgeSex> Base, IReadOnlyList<PeriodEstimate> Periods, bool CountiesCalibrated)
{
    /// <summary>The estimated total of one unit (or the city) at the end of <paramref name="year"/>.</summary>
    public double Total(string region, int year)
    {
        var p = Periods.Single(x => x.Year == year);
        return region == City ? p.TotalPopulation() : p.Populations[IndexOf(region)].Total();
    }

    private int IndexOf(string region) =>
        Regions.ToList().IndexOf(region) is var i and >= 0 ? i : throw new ArgumentException($"Region {region} is not in the estimates ({string.Join(", ", Regions)}).", nameof(region));
}
