namespace Populus.Storage.PlanWork;

/// <summary>The plan's yearly work points and the departments' progress on them (migration 8); imported with
/// `populus import workpoints|progress`.</summary>
public interface IPlanWork
{
    /// <summary>
    /// The work points of <paramref name="year"/> that <paramref name="scope"/> may see (a department: only its own),
    /// with their latest progress as of <paramref name="asOf"/> (reports after that day are not counted) and their state.
    /// Ordered by department, deadline and key.
    /// </summary>
    IReadOnlyList<WorkItem> Items(int year, WorkScope scope, DateOnly asOf);

    /// <summary>The departments with work points in <paramref name="year"/> that <paramref name="scope"/> may see.</summary>
    IReadOnlyList<string> Departments(int year, WorkScope scope);
}
