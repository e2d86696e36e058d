using Populus.Services.Talent;
using Populus.Storage;
using Populus.Storage.Services;

namespace Populus.Services.Tests.Talent;

public class RetentionTests
{
    private static readonly Provenance Source = new(FigureKind.Observed, "S-EDU", "graduate destinations", "市教育局");

    private static TalentIntakeRecord Person(string key, string intake, string? departed, string observed, bool graduate = true, string category = "F") =>
        new(DateOnly.Parse(intake).Year, "330300", key, DateOnly.Parse(intake), category, graduate, departed is null ? null : DateOnly.Parse(departed),
            DateOnly.Parse(observed), Source, "intake-2020");

    [Fact]
    public void Cohort_StillLocalLeftAndNotKnown_AtEachHorizon()
    {
        var cohort = new[]
        {
            Person("a", "2020-03-01", null, "2025-12-31"),          // local after 1, 3, 5
            Person("b", "2020-03-01", "2022-06-30", "2022-06-30"),  // local after 1, left by 3
            Person("c", "2020-09-01", "2021-03-01", "2021-03-01"),  // left within the first year
            Person("d", "2020-05-01", null, "2023-12-31"),          // local after 1 and 3, not known after 5 (not seen that long)
        };
        var row = Assert.Single(CohortRetention.Compute(cohort));
        Assert.Equal((2020, 4, 4), (row.IntakeYear, row.Intake, row.Graduates));
        Assert.Equal((3, 1, 0), (row.After[0].StillLocal, row.After[0].Left, row.After[0].NotKnown));
        Assert.Equal(75.0, row.After[0].RetainedPercent);
        Assert.Equal((2, 2, 0), (row.After[1].StillLocal, row.After[1].Left, row.After[1].NotKnown));
        Assert.Equal((1, 2, 1), (row.After[2].StillLocal, row.After[2].Left, row.After[2].NotKnown));
        Assert.Equal(100.0 / 3, row.After[2].RetainedPercent!.Value, 12);
        Assert.All(row.After, s => Assert.Equal(4, s.StillLocal + s.Left + s.NotKnown));
    }

    [Fact]
    public void GraduateRetention_IsEmployedLocallyOverAllGraduates()
    {
        GraduateRecord G(string key, string destination) => new(2021, "330300", "温州大学", key, "bachelor", destination, Source, "grad-2021");
        var years = GraduateRetention.ByYear([G("1", "employed_local"), G("2", "employed_elsewhere"), G("3", "further_study"), G("4", "employed_local"), G("5", "not_employed")]);
        var y = Assert.Single(years);
        Assert.Equal((5, 2, 40.0), (y.Graduates, y.Retained, y.RatePercent));
        Assert.Equal([new RecordBatch("grad-2021", "S-EDU")], y.Batches);
        Assert.Equal("batch grad-2021 (S-EDU)", y.Sources);
    }
}
