using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Storage;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>Resolves the region a request names against what the account may read.</summary>
internal static class RegionAccess
{
    /// <summary>
    /// The region code or group name to read: the one asked for, else the account's county, else the plan's city. A
    /// region or group outside the account's county is refused (403), an unknown one is 404.
    /// </summary>
    public static bool TryResolve(string? asked, CurrentAccount me, CockpitViews views, out string region, out ProblemHttpResult? problem)
    {
        var scope = me.Scope;
        region = string.IsNullOrWhiteSpace(asked) ? scope.CountyCode ?? views.Plan.PlanRegion : asked.Trim();
        problem = null;
        var regionCode = region;
        var known = views.StoreRegions().FirstOrDefault(r => r.Code == regionCode || r.NameZh == regionCode && r.ValidTo is null);
        var group = known is null ? views.StoreGroups().FirstOrDefault(g => g.Name == regionCode) : null;
        if (known is null && group is null)
        {
            problem = BilingualProblem.Of(StatusCodes.Status404NotFound, "Unknown region", $"'{region}' is neither a region code nor a group name of the store.",
                $"“{region}”既不是数据库中的地区代码，也不是功能区名称");
            return false;
        }

        if (known is not null)
        {
            region = known.Code;
        }

        var outside = known is not null ? !scope.Allows(known.Code) : group!.Members.Any(m => !scope.Allows(m.RegionCode));
        if (outside)
        {
            problem = Forbidden(region, scope);
            return false;
        }

        return true;
    }

    public static ProblemHttpResult Forbidden(string region, DataScope scope) => BilingualProblem.Of(StatusCodes.Status403Forbidden,
        "Outside your scope", $"{region} is outside the data this account may read ({scope}).",
        $"{region}不在本账户可查阅的数据范围内（{(scope.CountyCode is { } county ? "区县 " + county : "全部地区")}）");
}
