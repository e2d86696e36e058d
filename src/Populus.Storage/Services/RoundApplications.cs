using Populus.Planning.Data;

namespace Populus.Storage.Services;

/// <summary>A round's applications read for a decision over all of them: its scores, its allocation, a simulated change
/// of its points table. A round without any is refused before anything is computed, in both languages.</summary>
public static class RoundApplications
{
    /// <summary>The round's applications (<see cref="IServiceRecords.Applications"/>), at least one.</summary>
    /// <exception cref="ServiceRefusedException">The round has no applications.</exception>
    public static IReadOnlyList<ApplicationRecord> ApplicationsToDecide(this IServiceRecords records, string round)
    {
        ArgumentNullException.ThrowIfNull(records);
        var applications = records.Applications(round);
        return applications.Count > 0
            ? applications
            : throw new ServiceRefusedException(new Reason($"Round {round} has no applications.", $"轮次 {round} 没有申请。"));
    }
}
