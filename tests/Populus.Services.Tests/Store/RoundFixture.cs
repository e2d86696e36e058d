using System.Globalization;
using System.Text;
using Populus.Services.Identity;
using Populus.Services.Points;
using Populus.Storage;
using Populus.Storage.Registry;

namespace Populus.Services.Tests.Store;

/// <summary>A round of school applications written as a file, received and scored into a store.</summary>
internal static class RoundFixture
{
    public const string Round = "2025-school";
    public static readonly DateOnly Day = new(2025, 7, 1);

    /// <summary>Writes <paramref name="count"/> valid applications with distinct (made-up, well-formed) identity numbers.</summary>
    public static string ApplicationsFile(TempFolder folder, int count, string name = "apps.csv")
    {
        var text = new StringBuilder(Points.ApplicationReaderTests.Header);
        var rng = new Random(11);
        for (var i = 0; i < count; i++)
        {
            var id = NationalIdNumber.Create(330302, new DateOnly(1980 + (i % 20), 1, 1).AddDays(i / 20), i % 1000).Disclose();
            var education = rng.Next(3) switch { 0 => "junior_college", 1 => "bachelor", _ => "master" };
            var housing = rng.Next(2) == 0 ? "rented" : "owned";
            var months = 30 + rng.Next(0, 30);
            var since = new DateOnly(2016, 1, 1).AddDays(rng.Next(0, 2500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var pref = i % 2 == 0 ? "Q-LC;Q-LW" : "Q-LW;Q-LC";
            text.Append(CultureInfo.InvariantCulture,
                $"A{i:D5},{Round},school,{id},2025-05-01,{education},intermediate,,{housing},{since},{new DateOnly(2025, 4, 1).AddMonths(-months + 1):yyyy-MM}..2025-04,no,0,,{pref}\n");
        }

        return folder.Write(name, text.ToString());
    }

    public static string QuotaFile(TempFolder folder, int lucheng = 10, int longwan = 8) =>
        folder.Write("quotas.csv", $"quota_id,round,purpose,region,places\nQ-LC,{Round},school,330302,{lucheng}\nQ-LW,{Round},school,330303,{longwan}\n");

    /// <summary>A quota file read against the store's regions (the plan's city and its counties).</summary>
    public static IReadOnlyList<Populus.Services.Allocation.Quota> Quotas(IPopulusStore store, string file)
    {
        var regions = Populus.Storage.PlanData.PlanningRegions.From(store);
        return Populus.Services.Allocation.Quota.Load(file, regions, Populus.Storage.PlanData.PlanningRegions.PlanRegion(store));
    }

    public static void ReceiveAndScore(IPopulusStore store, TempFolder folder, int count)
    {
        var office = new PointsOffice(store.Services);
        office.Receive(ApplicationsFile(folder, count), IdentityKey.Open(KeyFolder.Open(folder.File("keys"))), "intake");
        office.ScoreRound(Round, PointsRuleTable.Example(), Day, "scorer");
    }
}
