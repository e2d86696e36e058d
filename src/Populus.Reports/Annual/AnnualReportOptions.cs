using Populus.Storage.Scenarios;

namespace Populus.Reports.Annual;

/// <summary>What the annual evaluation report covers.</summary>
/// <param name="Year">The evaluation year: observed figures up to it, the scenario's projection after it.</param>
/// <param name="Scenario">The scenario of the projection (data/scenarios).</param>
/// <param name="Trajectories">Trajectories of the probabilistic projection (fan charts, target probabilities); 0 for none.</param>
/// <param name="Seed">The seed of the trajectories: the same seed gives the same report.</param>
/// <param name="AsOf">The day work points are checked on (default 31 December of the year).</param>
public sealed record AnnualReportOptions(int Year, string Scenario = "baseline", int Trajectories = 0, ulong Seed = PlanMonitor.DefaultSeed, DateOnly? AsOf = null)
{
    /// <summary>The plan's horizon: projections run to it.</summary>
    public const int Horizon = 2035;
}
