using Populus.Planning.Work;

namespace Populus.Storage.PlanWork;

/// <summary>The plan's tasks as shipped (data/plan/tasks.csv, embedded): the work-point import checks task ids and
/// departments against them, and the reports link work points to the indicators their tasks serve.</summary>
public static class PlanTasks
{
    private static readonly Lazy<PlanTaskList> Shipped = new(() =>
    {
        const string name = "Populus.Storage.Seed.plan.tasks.csv";
        using var stream = typeof(PlanTasks).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return PlanTaskList.Parse(reader.ReadToEnd(), "data/plan/tasks.csv");
    });

    /// <summary>The shipped task list.</summary>
    public static PlanTaskList List => Shipped.Value;
}
