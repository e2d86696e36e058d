using Populus.Demography.Projection;

namespace Populus.Demography.Summaries;

/// <summary>One year of a projection summed over all states: the population by broad age group and the flows of the step that ends in that year.</summary>
/// <param name="Year">The population year.</param>
/// <param name="Total">Total population.</param>
/// <param name="Children">Ages 0–14.</param>
/// <param name="WorkingAge">Ages 15–64.</param>
/// <param name="Older">Ages 65 and over.</param>
/// <param name="Births">Births during the step ending in <paramref name="Year"/>; NaN for the base year.</param>
/// <param name="Deaths">Deaths during that step (including deaths of its own births); NaN for the base year.</param>
/// <param name="NetMigration">External net migrants during that step; NaN for the base year.</param>
public sealed record ProjectionSummaryRow(int Year, double Total, double Children, double WorkingAge, double Older,
    double Births, double Deaths, double NetMigration)
{
    /// <summary>The share aged 65 and over, in percent.</summary>
    public double OlderSharePercent => Total > 0 ? 100 * Older / Total : double.NaN;
}

/// <summary>Summaries of a <see cref="ProjectionResult"/> by year.</summary>
public static class ProjectionSummary
{
    /// <summary>One row a population year; flows need <see cref="ProjectionOutputs.Deaths"/> and <see cref="ProjectionOutputs.Migration"/>.</summary>
    /// <exception cref="ArgumentException">The grid has no group boundary at 15 or 65.</exception>
    /// <exception cref="InvalidOperationException">Deaths or migration were not recorded.</exception>
    public static IReadOnlyList<ProjectionSummaryRow> ByYear(ProjectionResult result)
    {
        Guard.NotNull(result);
        var ages = result.Ages;
        var at15 = Boundary(ages, 15);
        var at65 = Boundary(ages, 65);
        var rows = new List<ProjectionSummaryRow>();
        foreach (var year in result.Years)
        {
            double children = 0, working = 0, older = 0;
            for (var s = 0; s < result.States.Count; s++)
            {
                foreach (var sex in SexCodes.All)
                {
                    var p = result.Population(year, s, sex);
                    children += Sum(p[..at15]);
                    working += Sum(p[at15..at65]);
                    older += Sum(p[at65..]);
                }
            }

            double births = double.NaN, deaths = double.NaN, migration = double.NaN;
            if (year > result.StartYear)
            {
                var b = result.Balance(year - result.StepLength);
                (births, deaths, migration) = (b.Births, b.Deaths, b.NetExternalMigrants);
            }

            rows.Add(new ProjectionSummaryRow(year, children + working + older, children, working, older, births, deaths, migration));
        }

        return rows;
    }

    private static int Boundary(AgeGroups ages, int age)
    {
        var i = ages.IndexOf(age);
        if (i < 0 || ages.Start(i) != age)
        {
            Guard.ThrowArgument(nameof(ages), $"The summary needs an age group starting at {age}; the grid is {ages}.");
        }

        return i;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var s = 0.0;
        foreach (var v in values)
        {
            s += v;
        }

        return s;
    }
}
