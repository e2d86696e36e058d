using Populus.Demography;
using Populus.Demography.Preparation;
using Populus.Demography.Projection;
using Populus.Demography.Stochastic;

namespace Populus.Benchmarks.Stochastic;

/// <summary>
/// The performance case: 12 county units of one city, 101 ages × 2 sexes, annual steps 1 January 2024 →
/// 2035 (11 steps), a full origin–destination matrix between the units (132 pairs), made-up but plausible rates,
/// processes of the size WPP publishes for China.
/// </summary>
internal static class CityModel
{
    public const int Units = 12;
    public static readonly AgeGroups Ages = AgeGroups.SingleYear(100);

    public static readonly UncertaintyModel Model = new()
    {
        BaseYear = 2023,
        TotalFertility = new Ar1Process(0.11, 0.99, 0.056),
        FemaleLifeExpectancy = new Ar1Process(0.55, 0.996, 0.45),
        MaleLifeExpectancyOwn = new Ar1Process(0.01, 0.98, 0.45),
        MaleLoading = 0.85,
        NetMigrationRate = new Ar1Process(0.0005, 0.0, 0.0005),
        RegionalCorrelation = 0.9,
    };

    public static StochasticProjection Build()
    {
        var states = StateSpace.Regions(Enumerable.Range(0, Units).Select(i => $"county{i}"));
        var profile = Enumerable.Range(0, Ages.Count).Select(x => 0.004 * (0.2 + Math.Exp(-Math.Pow((x - 22) / 8.0, 2)))).ToArray();
        var schedule = new TransitionSchedule(Ages, profile, profile);
        var od = new StateTransitions("internal migration", states, Ages, TransitionKind.Rates,
            Enumerable.Range(0, Units).SelectMany(o => Enumerable.Range(0, Units).Where(d => d != o).Select(d => new Transition(o, d, schedule, 1 + (o * d) % 4))));
        var regions = Enumerable.Range(0, Units).Select(Region).ToArray();
        var initial = Enumerable.Range(0, Units).SelectMany(u => Enumerable.Range(0, 2 * Ages.Count)
            .Select(i => (40_000 + 3_000 * u) * Math.Exp(-0.012 * (i % Ages.Count)))).ToArray();
        return new StochasticProjection(states, regions, initial, 2024, 2024.0, 11, MigrationTiming.HalfHalf, Model, AgeGroups.FiveYear(0, 100), _ => [od]);
    }

    private static RegionAssumptions Region(int unit)
    {
        DeathRates Mortality(double level)
        {
            var ages = AgeGroups.Abridged(100);
            var m = new double[ages.Count];
            for (var i = 0; i < m.Length; i++)
            {
                var mid = ages.IsOpen(i) ? 102.5 : ages.Start(i) + ages.Width(i) / 2.0;
                m[i] = level * (0.0003 + 0.00004 * Math.Exp(0.09 * (mid - 30)));
            }

            m[0] = level * 0.004;
            m[1] = level * 0.0003;
            return new DeathRates(ages, m);
        }

        var shape = new[] { 0.03, 0.20, 0.36, 0.26, 0.11, 0.03, 0.01 };
        var fertility = new FertilityRates(AgeGroups.FiveYear(15, 50, open: false), [.. shape.Select(s => s * 1.0 / 5)]);
        var migrants = new AnnualCounts(Ages, Enumerable.Range(2023, 14).Select(y => new KeyValuePair<int, double[]>(y,
            [.. Enumerable.Range(0, Ages.Count).Select(x => (unit % 5 - 2) * 20 * Math.Exp(-Math.Pow((x - 25) / 10.0, 2)))])));
        return new RegionAssumptions
        {
            Ages = Ages,
            MaleMortality = ScheduleTrajectory.Mortality([new(2024, Mortality(0.8 + 0.01 * unit))], TrajectoryMode.Step),
            FemaleMortality = ScheduleTrajectory.Mortality([new(2024, Mortality(0.55 + 0.01 * unit))], TrajectoryMode.Step),
            Fertility = ScheduleTrajectory.Fertility([new(2024, fertility)], TrajectoryMode.Step),
            SexRatioAtBirth = new Trajectory([new(2024, 1.09)], TrajectoryMode.Step),
            MaleLifeTable = LifeTableConventions.Wpp2024(Sex.Male),
            FemaleLifeTable = LifeTableConventions.Wpp2024(Sex.Female),
            MaleLifeExpectancy = Trajectory.FromAnnual(Enumerable.Range(2023, 14).Select(y => new KeyValuePair<int, double>(y, 77 + 0.2 * (y - 2023)))),
            FemaleLifeExpectancy = Trajectory.FromAnnual(Enumerable.Range(2023, 14).Select(y => new KeyValuePair<int, double>(y, 82 + 0.2 * (y - 2023)))),
            TotalFertility = Trajectory.FromAnnual(Enumerable.Range(2023, 14).Select(y => new KeyValuePair<int, double>(y, 0.95 + 0.01 * unit))),
            MaleMigrants = migrants,
            FemaleMigrants = migrants,
        };
    }
}
