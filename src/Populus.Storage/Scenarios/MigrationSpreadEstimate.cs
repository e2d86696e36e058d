using Populus.Demography.Stochastic;

namespace Populus.Storage.Scenarios;

/// <summary>A region's yearly net migration rates measured by the balancing equation, and the deviation process
/// they give (<see cref="ResidualMigration"/>).</summary>
/// <param name="Rates">Each year's crude net migration rate, per person.</param>
/// <param name="Process">No persistence; both standard deviations the rates' sample standard deviation.</param>
/// <param name="Sources">The source ids of the year-end populations and natural growth rates used.</param>
public sealed record MigrationSpreadEstimate(IReadOnlyList<(int Year, double Rate)> Rates, Ar1Process Process, IReadOnlyList<string> Sources)
{
    /// <summary>"2021–2023" for the years measured.</summary>
    public string Years => $"{Rates[0].Year}–{Rates[^1].Year}";
}
