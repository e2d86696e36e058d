using System.CommandLine;

namespace Populus.Cli.Commands;

/// <summary>Every subcommand of `populus`, one line each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return LifeTableCommand.Create();
        yield return ProjectCommand.Create();
        yield return ImportCommand.Create();
        yield return WithdrawCommand.Create();
        yield return ServeCommand.Create();
        yield return GenerateRegistryCommand.Create();
        yield return RegistryCommand.Create();
        yield return EstimateCommand.Create();
        yield return EstimatesCommand.Create();
        yield return IndicatorsCommand.Create();
        yield return EvaluateCommand.Create();
        yield return GoalCommand.Create();
        yield return DemandCommand.Create();
        yield return SettleCommand.Create();
        yield return PoliciesCommand.Create();
        yield return PermitCommand.Create();
        yield return PointsCommand.Create();
        yield return AllocateCommand.Create();
        yield return TalentCommand.Create();
        yield return UncertaintyCommand.Create();
        yield return CompareCommand.Create();
        yield return ReportCommand.Create();
        yield return TasksCommand.Create();
    }
}
