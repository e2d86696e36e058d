using Populus.Planning.Data;
using Populus.Services.Identity;
using Populus.Services.Permits;
using Populus.Services.Tests.Permits;
using Populus.Storage.PlanData;
using Populus.Storage.Registry;
using Populus.Storage.Services;

namespace Populus.Services.Tests.Store;

public class PermitOfficeTests
{
    private static readonly string Id = NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 123).Disclose();

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void PermitLife_IsStoredWithItsAuditTrail_AndTheRevocationListVerifiesElsewhere(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var keys = KeyFolder.Open(t.Folder.File("keys"));
        var ring = IssuerKeyRing.Open(keys, "330300", "温州市", clock);
        var office = new PermitOffice(store.Services, ring, IdentityKey.Open(keys), PlanningRegions.From(store), clock);

        var applied = office.Apply(Id, "330302", "clerk-1");
        var notTheApplicant = Assert.Throws<InvalidPermitTransitionException>(() => office.Issue(applied.PermitId, NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 122).Disclose(), "clerk-1"));
        Assert.Equal($"所出示的身份证号码不是居住证 {applied.PermitId} 申请人的号码。", notTheApplicant.Reason.Chinese);
        var issued = office.Issue(applied.PermitId, Id, "clerk-1");
        // Refusals name the state and what is allowed in Chinese too (the API's detailZh, the command line's second line).
        var notYet = Assert.Throws<InvalidPermitTransitionException>(() => PermitLifecycle.Expire(issued, clock.GetUtcNow(), "clerk-1"));
        Assert.Equal($"居住证 {applied.PermitId} 有效期至 {issued.ValidTo:yyyy-MM-dd}，尚未到期。", notYet.Reason.Chinese);
        var rejectIssued = Assert.Throws<InvalidPermitTransitionException>(() => office.Reject(applied.PermitId, "late", "clerk-1"));
        Assert.Equal($"居住证 {applied.PermitId} 已签发，不能驳回；可办理：续签、登记期满、吊销。", rejectIssued.Reason.Chinese);
        Assert.StartsWith($"Permit {applied.PermitId} is issued: it cannot reject", rejectIssued.Message);
        var stored = store.Services.Permit(applied.PermitId)!;
        Assert.Equal(("issued", issued.Token), (stored.State, stored.Token));
        Assert.DoesNotContain(Id, stored.Token!);
        Assert.DoesNotContain(store.Services.Permits(), p => p.PersonKey.Contains("19900101"));

        Assert.Equal(PermitCheck.Valid, PermitVerifier.Verify(issued.Token!, ring.Publish(), office.SignedRevocationList(TimeSpan.FromDays(1)), clock.GetUtcNow()).Check);
        office.Revoke(applied.PermitId, "left the city", "officer-2");
        var final = Assert.Throws<InvalidPermitTransitionException>(() => office.Revoke(applied.PermitId, "again", "officer-2"));
        Assert.Equal($"居住证 {applied.PermitId} 已吊销，不能再办理任何事项。", final.Reason.Chinese);
        var list = office.SignedRevocationList(TimeSpan.FromDays(1));
        var result = PermitVerifier.Verify(issued.Token!, ring.Publish(), list, clock.GetUtcNow());
        Assert.Equal(PermitCheck.Revoked, result.Check);
        Assert.Contains("left the city", result.Reason);

        var trail = store.Services.Audit("permit", applied.PermitId);
        Assert.Equal(["apply", "issue", "revoke"], trail.Select(a => a.Action));
        Assert.Equal(["clerk-1", "clerk-1", "officer-2"], trail.Select(a => a.Actor));
        Assert.Equal([null, "applied", "issued"], trail.Select(a => a.FromState));
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void AStaleRevision_IsRefused_NoChangeIsLostUnseen(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var keys = KeyFolder.Open(t.Folder.File("keys"));
        var office = new PermitOffice(store.Services, IssuerKeyRing.Open(keys, "330300", "温州市"), IdentityKey.Open(keys), PlanningRegions.From(store));
        var applied = office.Apply(Id, "330302", "clerk");
        var record = store.Services.Permit(applied.PermitId)!;
        office.Reject(applied.PermitId, "incomplete documents", "clerk");
        var ex = Assert.Throws<ServiceRefusedException>(() => store.Services.SavePermit(record with { State = "issued" }, record.Revision,
            new Populus.Storage.Services.AuditRecord(0, DateTime.UtcNow, "other", "permit", record.PermitId, "issue", "applied", "issued", "late")));
        Assert.Contains("changed meanwhile", ex.Message);
        Assert.Contains("已被他人修改", ex.Reason.Chinese, StringComparison.Ordinal);
        Assert.Equal("rejected", store.Services.Permit(applied.PermitId)!.State);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void APerson_HasOneLiveApplicationOrPermit_InAnyCounty(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var keys = KeyFolder.Open(t.Folder.File("keys"));
        var office = new PermitOffice(store.Services, IssuerKeyRing.Open(keys, "330300", "温州市"), IdentityKey.Open(keys), PlanningRegions.From(store));
        var first = office.Apply(Id, "330302", "clerk");

        var again = Assert.Throws<ServiceRefusedException>(() => office.Apply(Id, "330302", "clerk"));
        Assert.Contains($"already has residence permit {first.PermitId} (applied, region 330302)", again.Message);
        Assert.Contains($"此人已有居住证 {first.PermitId}", again.Reason.Chinese);
        office.Issue(first.PermitId, Id, "clerk");
        var elsewhere = Assert.Throws<ServiceRefusedException>(() => office.Apply(Id, "330303", "clerk"));
        Assert.Contains("(issued, region 330302)", elsewhere.Message);
        Assert.DoesNotContain(Id, elsewhere.Message + elsewhere.Reason.Chinese, StringComparison.Ordinal);
        Assert.Single(store.Services.Permits());

        // A rejected application or a revoked permit is no longer live: the person may apply again.
        office.Revoke(first.PermitId, "moved away", "officer");
        var next = office.Apply(Id, "330303", "clerk");
        Assert.Equal(["revoked", "applied"], store.Services.Permits().OrderBy(p => p.PermitId == next.PermitId).Select(p => p.State));
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void APermit_NamesACountyOfTheIssuingCity(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var keys = KeyFolder.Open(t.Folder.File("keys"));
        var office = new PermitOffice(store.Services, IssuerKeyRing.Open(keys, "330300", "温州市"), IdentityKey.Open(keys), PlanningRegions.From(store));
        // Unknown, another city's county, the city itself, another city of the province.
        foreach (var region in new[] { "999999", "110101", "330300", "330100" })
        {
            var ex = Assert.Throws<RefusedArgumentException>(() => office.Apply(Id, region, "clerk"));
            Assert.Equal("region", ex.ParamName);
            Assert.StartsWith($"{region} is not a current county of 温州市 (330300)", ex.Message);
            Assert.Contains("330302 鹿城区", ex.Message);
            Assert.StartsWith($"{region} 不是温州市（330300）现行的县级单位", ex.Reason.Chinese);
        }

        Assert.Empty(store.Services.Permits());
        Assert.Equal("330303", office.Apply(Id, "330303", "clerk").RegionCode);
    }

    [Theory]
    [MemberData(nameof(ServiceStore.Engines), MemberType = typeof(ServiceStore))]
    public void APermitPastItsValidity_IsExpired_AndIsRenewedFromTheDayOfRenewal(string engine)
    {
        using var t = ServiceStore.Create(engine);
        using var store = t.Open();
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var keys = KeyFolder.Open(t.Folder.File("keys"));
        var office = new PermitOffice(store.Services, IssuerKeyRing.Open(keys, "330300", "温州市", clock), IdentityKey.Open(keys), PlanningRegions.From(store), clock);
        var issued = office.Issue(office.Apply(Id, "330302", "clerk").PermitId, Id, "clerk");
        var lastDay = issued.ValidTo!.Value;

        clock.Now = new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 0)), PermitVerifier.ChinaStandardTime);
        Assert.Equal(0, office.ExpireDue("nightly"));
        Assert.Equal("issued", PermitLifecycle.StateOn(store.Services.Permit(issued.PermitId)!.State, lastDay, lastDay));
        clock.Now = clock.Now.AddHours(1);   // midnight in China: the day after the last day of validity
        Assert.Equal("expired", PermitLifecycle.StateOn("issued", lastDay, PermitLifecycle.Day(clock.Now)));
        Assert.Equal(1, office.ExpireDue("nightly"));
        Assert.Equal("expired", store.Services.Permit(issued.PermitId)!.State);
        Assert.Equal(["apply", "issue", "expire"], store.Services.Audit("permit", issued.PermitId).Select(a => a.Action));

        var renewed = office.Renew(issued.PermitId, Id, "clerk");
        Assert.Equal((PermitState.Issued, lastDay.AddDays(1)), (renewed.State, renewed.ValidFrom!.Value));
    }
}
