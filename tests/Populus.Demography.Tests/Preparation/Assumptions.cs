using Populus.Demography.Preparation;

namespace Populus.Demography.Tests.Preparation;

/// <summary>Made-up but plausible period schedules for preparation tests: Gompertz mortality on the abridged grid, a bell of five-year fertility.</summary>
internal static class Assumptions
{
    public static readonly AgeGroups Ages = AgeGroups.SingleYear(100);

    /// <summary>Abridged rates 0, 1–4, …, 100+ with Gompertz slope 0.09 from age 30; <paramref name="level"/> scales them.</summary>
    public static DeathRates AbridgedMortality(double level)
    {
        var ages = AgeGroups.Abridged(100);
        var m = new double[ages.Count];
        for (var i = 0; i < m.Length; i++)
        {
            var mid = ages.IsOpen(i) ? 102.5 : ages.Start(i) + ages.Width(i) / 2.0;
            m[i] = level * (0.0003 + 0.00004 * Math.Exp(0.09 * (mid - 30)));
        }

        m[0] = level * 0.008;
        m[1] = level * 0.0006;
        return new DeathRates(ages, m);
    }

    public static FertilityRates FiveYearFertility(double tfr)
    {
        var shape = new[] { 0.05, 0.22, 0.33, 0.24, 0.11, 0.04, 0.01 };
        return new FertilityRates(AgeGroups.FiveYear(15, 50, open: false), [.. shape.Select(s => s * tfr / 5)]);
    }

    public static RegionAssumptions Region(bool calibrated)
    {
        var mortality = new Dictionary<double, DeathRates> { [2018] = AbridgedMortality(1.0), [2023] = AbridgedMortality(0.8) };
        return new RegionAssumptions
        {
            Ages = Ages,
            MaleMortality = ScheduleTrajectory.Mortality(mortality, TrajectoryMode.Interpolate),
            FemaleMortality = ScheduleTrajectory.Mortality(mortality.ToDictionary(kv => kv.Key, kv => AbridgedMortality(kv.Key == 2018 ? 0.7 : 0.56)), TrajectoryMode.Interpolate),
            Fertility = ScheduleTrajectory.Fertility(new Dictionary<double, FertilityRates> { [2018] = FiveYearFertility(1.8), [2023] = FiveYearFertility(1.4) }, TrajectoryMode.Interpolate),
            SexRatioAtBirth = Trajectory.FromAnnual(new Dictionary<int, double> { [2020] = 1.10, [2021] = 1.08 }),
            MaleLifeTable = LifeTableConventions.Wpp2024(Sex.Male),
            FemaleLifeTable = LifeTableConventions.Wpp2024(Sex.Female),
            MaleLifeExpectancy = calibrated ? Trajectory.FromAnnual(new Dictionary<int, double> { [2020] = 74.0, [2021] = 75.0 }) : null,
            FemaleLifeExpectancy = calibrated ? Trajectory.FromAnnual(new Dictionary<int, double> { [2020] = 79.0, [2021] = 80.0 }) : null,
            TotalFertility = calibrated ? Trajectory.FromAnnual(new Dictionary<int, double> { [2020] = 1.3, [2021] = 1.1 }) : null,
            MaleMigrants = new AnnualCounts(Ages, new Dictionary<int, double[]> { [2020] = Filled(2.0), [2021] = Filled(4.0) }),
            FemaleMigrants = new AnnualCounts(Ages, new Dictionary<int, double[]> { [2020] = Filled(-1.0), [2021] = Filled(-3.0) }),
        };
    }

    private static double[] Filled(double value) => Enumerable.Repeat(value, Ages.Count).ToArray();
}
