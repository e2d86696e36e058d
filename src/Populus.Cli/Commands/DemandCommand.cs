using System.CommandLine;
using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Planning.Services;
using Populus.Storage;
using Populus.Storage.Scenarios;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus demand --scenario NAME [--region R] [--from Y0 --to Y1] [--trajectories N --seed S]`: public-service demand
/// implied by the plan's standards (data/plan/service-demand.csv) for the projected residents: infant-care places,
/// kindergarten and compulsory-school enrolment, elderly-care beds, labour supply; by region and year. With
/// trajectories, each demand's median and 80% and 95% intervals: the residents of the ages served in each trajectory
/// times the standard.
/// </summary>
internal static class DemandCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario (default baseline)" };
        var region = new Option<string>("--region") { Description = "Region name or code, or a grouping (default: every county and the city)" };
        var from = new Option<int?>("--from") { Description = "First year (default: the year after the base)" };
        var to = new Option<int?>("--to") { Description = "Last year (default 2035)" };
        var trajectories = new Option<int>("--trajectories") { Description = "Run N probabilistic trajectories (1–100,000) and give each demand's median and 80% and 95% intervals" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the trajectories (same seed, same intervals)", DefaultValueFactory = _ => PlanMonitor.DefaultSeed };
        var format = TableOutput.CreateOption();
        var db = DbOption.Create();
        var command = new Command("demand", "Public-service demand from a scenario projection (公共服务需求)") { scenario, region, from, to, trajectories, seed, format, db };
        command.SetAction(parse => CommandExit.Run(parse, (stdout, stderr) =>
        {
            var n = parse.GetValue(trajectories);
            if (n < 0 || n > StochasticProjection.MaxTrajectories)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--trajectories {n}: must be between 1 and {StochasticProjection.MaxTrajectories:N0}."));
                return CommandExit.Refused;
            }

            using var store = PopulusStore.Open(parse.GetValue(db));
            var monitor = PlanMonitor.Load(store, calibrateUncertainty: n > 0);
            var y0 = parse.GetValue(from) ?? monitor.Model.BaseYear + 1;
            var y1 = parse.GetValue(to) ?? 2035;
            if (y0 < monitor.Model.BaseYear || y1 < y0 || y1 > 2100)
            {
                stderr.WriteLine($"--from {y0} --to {y1}: the years must run from the base year {monitor.Model.BaseYear} on, first ≤ last ≤ 2100.");
                return CommandExit.Refused;
            }

            var s = monitor.Scenario(parse.GetValue(scenario) ?? "baseline");
            var projection = monitor.Projector.Project(s, Math.Max(y1, monitor.Model.BaseYear + 1));
            IReadOnlyList<(string Name, IReadOnlyList<string> Members)> regions;
            if (parse.GetValue(region) is { } r)
            {
                var name = monitor.Region(r);
                IReadOnlyList<string> members = name == monitor.Model.City
                    ? [.. projection.Regions]
                    : monitor.Plan.Regions[name].Members.Count > 0 ? [.. monitor.Plan.Regions[name].Members.Select(monitor.Plan.Regions.NameOf)] : [name];
                var outside = members.Where(m => projection.IndexOf(m) < 0).Select(m => monitor.Plan.Regions[m]).ToList();
                if (outside.Count > 0)
                {
                    WriteNotProjected(stderr, r, name, outside, grouping: monitor.Plan.Regions[name].Members.Count > 0, projection.Regions);
                    return CommandExit.Refused;
                }

                regions = [(name, members)];
            }
            else
            {
                regions = [.. ServiceDemand.RegionsAndCity(projection)];
            }

            var rows = ServiceDemand.Compute(projection, monitor.Standards, regions, y0, y1);
            // The run keeps each region's residents of the ages served (its pyramid's places); a year before the
            // projection's first has no trajectories, and its intervals are left empty.
            var run = n > 0 ? monitor.RunTrajectories(s, regions.Select(r => r.Name), Math.Max(y1, monitor.Model.BaseYear + 1), n, parse.GetValue(seed)) : null;
            string?[] Intervals(ServiceDemandRow d)
            {
                if (run is null || !run.Years.Contains(d.Year))
                {
                    return [null, null, null, null, null];
                }

                var q = QuantileBands.Of(ServiceDemand.Quantiles(run, d.Standard, d.Region, d.Year));
                return [.. new[] { q.Median, q.Lower80, q.Upper80, q.Lower95, q.Upper95 }.Select(v => TableOutput.Number(v, 0))];
            }

            string[] header = ["scenario", "region", "year", "service", "ages", "residents", "rate", "per", "demand", "unit", "source"];
            TableOutput.Write(stdout, parse.GetValue(format)!,
                run is null ? header : [.. header, "median", "lower80", "upper80", "lower95", "upper95"],
                rows.Select(d => new string?[]
                {
                    d.Scenario, d.Region, d.Year.ToString(CultureInfo.InvariantCulture), d.Standard.Id, d.Standard.AgeLabel,
                    TableOutput.Number(d.Residents, 0), TableOutput.Number(d.Standard.Rate), TableOutput.Number(d.Standard.Per), TableOutput.Number(d.Demand, 0),
                    d.Standard.Unit, d.Standard.Source,
                }.Concat(run is null ? [] : Intervals(d)).ToArray()));
            return CommandExit.Done;
        }));
        return command;
    }

    /// <summary>
    /// Why a region's demand cannot be computed: the projection has counties (and the city as their sum), and the region
    /// is, or is made of, regions of another kind (a grouping of 街道 such as 市域主中心, a township, a zone).
    /// </summary>
    private static void WriteNotProjected(TextWriter stderr, string asked, string name, List<Populus.Planning.Catalogue.Region> outside, bool grouping, IEnumerable<string> projected)
    {
        var kinds = outside.GroupBy(m => m.Kind).Select(g => (Kind: g.Key, Count: g.Count(), Examples: g.Take(3).Select(m => m.Name).ToList())).ToList();
        var english = string.Join("; ", kinds.Select(k => $"{k.Count} region{(k.Count == 1 ? "" : "s")} of kind {k.Kind} ({string.Join(", ", k.Examples)}{(k.Count > 3 ? ", …" : "")})"));
        var chinese = string.Join("；", kinds.Select(k => $"{k.Count} 个{KindZh(k.Kind)}（{string.Join("、", k.Examples)}{(k.Count > 3 ? "等" : "")}）"));
        stderr.WriteLine(grouping
            ? $"--region {asked}: {name} is made of {english}, which the projection does not cover; it projects {string.Join(", ", projected)} (and the city as their sum), so demand is computed for those and for groupings of them."
            : $"--region {asked}: {name} is a {outside[0].Kind}, which the projection does not cover; it projects {string.Join(", ", projected)} (and the city as their sum), so demand is computed for those and for groupings of them.");
        stderr.WriteLine(grouping
            ? $"--region {asked}：{name}由 {chinese}组成，不在预测范围内；预测只覆盖 {string.Join("、", projected)}（及其合计全市），需求只能按这些区域及其组合计算。"
            : $"--region {asked}：{name}是{KindZh(outside[0].Kind)}，不在预测范围内；预测只覆盖 {string.Join("、", projected)}（及其合计全市），需求只能按这些区域及其组合计算。");
    }

    /// <summary>The Chinese word for a region kind of <see cref="Populus.Planning.Catalogue.RegionRegistry.Kinds"/>.</summary>
    private static string KindZh(string kind) => kind switch
    {
        "province" => "省",
        "city" => "市",
        "district" => "市辖区",
        "county" => "县",
        "county-level-city" => "县级市",
        "township" => "乡镇（街道）",
        "zone" => "功能区",
        _ => "区域组合",
    };
}
