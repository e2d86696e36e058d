using Populus.Demography.Stochastic;

namespace Populus.Planning.Probability;

/// <summary>
/// One trajectory's draw of a <see cref="Scenarios.ScenarioProjector"/> projection: the deviations of TFR and net
/// migration of every region, and of the city's e0 by sex, from the scenario's central path (docs/methods.md
/// "Probability of meeting a plan target").
/// </summary>
/// <remarks>
/// The processes are those calibrated to WPP's bounds (<see cref="UncertaintyModel"/>): TFR deviations in children per
/// woman and net migration in migrants per resident per year, correlated across regions by ρ (<see cref="RegionalPaths"/>);
/// e0 moves the city's one mortality pattern (the scenario model has no regional mortality), so its deviation is
/// the city's path, with the female–male gap bounded. Calendar year Y takes the deviation at horizon Y − base year of
/// the calibration; years up to that base year have none. A reusable workspace: one per thread.
/// </remarks>
public sealed class ScenarioDraw
{
    private readonly RegionalPaths _regions;
    private readonly RegionalPaths _city;

    /// <param name="model">The calibrated processes.</param>
    /// <param name="regions">The scenario model's regions.</param>
    /// <param name="lastYear">The last calendar year projected.</param>
    public ScenarioDraw(UncertaintyModel model, int regions, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        var horizons = Math.Max(1, lastYear - model.BaseYear + 1);
        _regions = new RegionalPaths(model, regions, horizons);
        _city = new RegionalPaths(model, 1, horizons);
    }

    public UncertaintyModel Model { get; }

    /// <summary>Draws trajectory <paramref name="trajectory"/> of the run seeded by <paramref name="seed"/>: the same
    /// pair always gives the same paths, whatever thread draws them.</summary>
    public void Draw(ulong seed, int trajectory)
    {
        var rng = new RandomStream(seed, trajectory);
        _city.Draw(ref rng);
        _regions.Draw(ref rng);
    }

    /// <summary>The TFR of <paramref name="region"/> in <paramref name="year"/> around the scenario's <paramref name="central"/> level.</summary>
    public double TotalFertility(int year, int region, double central) =>
        Model.TotalFertilityAt(central, _regions[RegionalPaths.TotalFertility, region, year - Model.BaseYear]);

    /// <summary>The city's e0 by sex in <paramref name="year"/> around the central levels, rounded to 0.01 year (so the
    /// projector's life tables, kept by e0, are reused across trajectories; the rounding is far below the spread).</summary>
    public (double Female, double Male) LifeExpectancies(int year, double centralFemale, double centralMale)
    {
        var h = year - Model.BaseYear;
        var (female, male) = Model.LifeExpectanciesAt(centralFemale, centralMale,
            _city[RegionalPaths.FemaleLifeExpectancy, 0, h], _city[RegionalPaths.MaleLifeExpectancyOwn, 0, h]);
        return (Math.Round(female, 2), Math.Round(male, 2));
    }

    /// <summary>Net migrants per resident in <paramref name="year"/> added to <paramref name="region"/>'s central migrants.</summary>
    public double NetMigrationRate(int year, int region) => _regions[RegionalPaths.NetMigrationRate, region, year - Model.BaseYear];
}
