using Populus.Demography.Projection;

namespace Populus.Demography.Tests.Projection;

/// <summary>The engine against published projections (shared/data/testvectors/README.md).</summary>
public class PublishedCasesTests
{
    /// <summary>
    /// UN Population Division CCMPP (ccmppWPP), Canada 1950–1955 by single years of age and single-year steps,
    /// migrants at the end of each step. Projected continuously from 1 January 1950; every age, sex and year, and the
    /// births of every step, within a relative error of 1e-8.
    /// </summary>
    [Fact]
    public void Project_CanadaWpp1x1_ReproducesEveryAgeSexStepAndBirths()
    {
        var rows = TestData.ReadCsv("data/testvectors/ccmppwpp_canada_1x1_projection_steps_1950_1954.csv").ToList();
        var ages = AgeGroups.SingleYear(100);
        var years = rows.Select(r => int.Parse(r["step_start"])).Distinct().Order().ToArray();
        double[] Column(int year, string sex, string column, bool blankIsZero = false) =>
            [.. rows.Where(r => r["step_start"] == year.ToString() && r["sex"] == sex)
                .OrderBy(r => int.Parse(r["age"]))
                .Select(r => blankIsZero && r[column].Length == 0 ? 0 : TestData.Number(r[column]))];

        var steps = years.Select(y => new ProjectionStep(
        [
            new StateRates(
                new SurvivalRatios(ages, Column(y, "male", "Sx")),
                new SurvivalRatios(ages, Column(y, "female", "Sx")),
                new FertilityRates(ages, Column(y, "female", "asfr", blankIsZero: true)),
                new SexRatioAtBirth(Column(y, "female", "srb")[0]),
                new NetMigrants(ages, Column(y, "male", "net_migrants")),
                new NetMigrants(ages, Column(y, "female", "net_migrants"))),
        ], MigrationTiming.End)).ToList();
        var initial = new PopulationByAgeSex(
            new PopulationByAge(ages, Column(years[0], "male", "pop_start")),
            new PopulationByAge(ages, Column(years[0], "female", "pop_start")));

        var result = new CohortComponentProjection(StateSpace.Single(), ages).Project(years[0], [initial], steps);

        var compared = 0;
        foreach (var y in years)
        {
            foreach (var (sex, name) in new[] { (Sex.Male, "male"), (Sex.Female, "female") })
            {
                var expected = Column(y, name, "pop_end_expected");
                var actual = result.Population(y + 1, 0, sex);
                for (var x = 0; x < expected.Length; x++)
                {
                    AssertRelative(expected[x], actual[x], 1e-8, $"{y + 1} {name} age {x}");
                    compared++;
                }

                AssertRelative(Column(y, name, "births_sex_expected")[0], result.Births(y, 0, sex), 1e-8, $"births {y} {name}");
            }

            var both = result.Births(y, 0, Sex.Male) + result.Births(y, 0, Sex.Female);
            AssertRelative(Column(y, "female", "births_total_both_expected")[0], both, 1e-8, $"births {y}");
        }

        Assert.Equal(5 * 2 * 101, compared);
        Assert.Equal(0, result.TotalClipped);
    }

    /// <summary>
    /// Preston, Heuveline &amp; Guillot (2001) Box 6.2: Swedish females 1993 → 1998, 5-year groups to 85+, one 5-year
    /// step, half of the migrants at the start and half at the end, births = 5·asfr·mean of female start and end.
    /// The book rounds to whole persons, so each figure must agree within half a person (plus the rounding of the
    /// published survival ratios).
    /// </summary>
    [Fact]
    public void Project_PrestonSweden5x5_ReproducesBox62()
    {
        var rows = TestData.ReadCsv("data/testvectors/preston2001_box6_2_sweden1993_females_ccpm_5y.csv").ToList();
        var ages = AgeGroups.FiveYear(0, 85);
        double[] Column(string column) => [.. rows.Select(r => TestData.Number(r[column]))];
        var survival = new SurvivalRatios(ages, Column("SxF_derived"));
        var step = new ProjectionStep(
        [
            new StateRates(
                survival,
                survival,
                new FertilityRates(ages, Column("asfr")),
                new SexRatioAtBirth(1.05),
                NetMigrants.None(ages),
                new NetMigrants(ages, Column("net_migrants_F_5y"))),
        ], MigrationTiming.HalfHalf);
        var initial = new PopulationByAgeSex(
            new PopulationByAge(ages, new double[ages.Count]),
            new PopulationByAge(ages, Column("P0F_1993")));

        var result = new CohortComponentProjection(StateSpace.Single(), ages).Project(1993, [initial], [step]);

        Assert.Equal(5, result.StepLength);
        var expected = Column("PzF_1998_expected");
        var births = Column("births_by_age_expected");
        var female = result.Population(1998, 0, Sex.Female);
        var byAge = result.BirthsByMothersAge(1993, 0);
        for (var i = 0; i < ages.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - female[i]) <= 0.6, $"P({ages.Label(i)}, 1998): expected {expected[i]}, got {female[i]}");
            Assert.True(Math.Abs(births[i] - byAge[i]) <= 0.6, $"births at {ages.Label(i)}: expected {births[i]}, got {byAge[i]}");
        }

        Assert.Equal(births.Sum(), result.Births(1993, 0, Sex.Male) + result.Births(1993, 0, Sex.Female), 3.5);
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }
}
