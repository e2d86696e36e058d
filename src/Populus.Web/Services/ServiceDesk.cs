using Populus.Planning.Catalogue;
using Populus.Services.Allocation;
using Populus.Services.Identity;
using Populus.Services.Permits;
using Populus.Services.Points;
using Populus.Services.Rules;
using Populus.Storage;
using Populus.Web.Hosting;
using Populus.Web.Plan;

namespace Populus.Web.Services;

/// <summary>
/// The services to people as the web host offers them: the rule book and points table in force, and the offices
/// (permits, points, allocation) on the store's service records with the keys of the key folder.
/// </summary>
/// <remarks>
/// The keys are opened on first use, not at start: a host that never issues a permit needs no key folder, and a
/// folder that is refused (readable by others) fails the permit request with its reason instead of the whole server.
/// The issuing city is the plan's city (the city whose county-level units the store holds, <see cref="Storage.PlanData.PlanningRegions.PlanRegion"/>), as for `populus permit`
/// (docs/services.md).
/// </remarks>
internal sealed class ServiceDesk(IPopulusStore store, PopulusSettings settings, TimeProvider clock, PlanBook plan)
{
    private readonly Lazy<IssuerKeyRing> _ring = new(() => IssuerKeyRing.Open(KeyFolder.Open(settings.ServiceKeys), plan.PlanRegion, plan.Regions.NameOf(plan.PlanRegion), clock));
    private readonly Lazy<IdentityKey> _identity = new(() => IdentityKey.Open(KeyFolder.Open(settings.ServiceKeys)));

    public RuleBook Rules { get; } = RuleBook.Default();

    public PointsRuleTable PointsTable { get; } = PointsRuleTable.Example();

    public IPopulusStore Store => store;

    /// <summary>The store's regions and the plan's city, whose counties and townships quotas and permits name.</summary>
    public RegionRegistry Regions => plan.Regions;

    public string City => plan.PlanRegion;

    public IssuerKeyRing Ring => _ring.Value;

    public IdentityKey Identity => _identity.Value;

    public PermitOffice Permits => new(store.Services, Ring, Identity, plan.Regions, clock);

    public PointsOffice Points => new(store.Services, clock);

    public AllocationDesk Allocation => new(store.Services, clock);

    /// <summary>Today in China Standard Time, the day whose rules apply unless a request names one.</summary>
    public DateOnly Today => PermitLifecycle.Day(clock.GetUtcNow());
}
