using Populus.Demography;

namespace Populus.Storage.Estimates;

/// <summary>Stored single-year rows (0, 1, …, ω+) by sex back into a <see cref="PopulationByAgeSex"/>.</summary>
internal static class SingleYears
{
    /// <returns>null when there are no rows.</returns>
    /// <exception cref="InvalidOperationException">The rows do not form one single-year grid from 0 with an open last age for both sexes.</exception>
    public static PopulationByAgeSex? ToPopulation(IReadOnlyList<(string Sex, int From, bool Open, double Persons)> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        PopulationByAge Of(string sex)
        {
            var ofSex = rows.Where(r => r.Sex == sex).OrderBy(r => r.From).ToList();
            if (ofSex.Count < 2 || !ofSex[^1].Open || ofSex.Where((r, i) => r.From != i).Any() || ofSex.Take(ofSex.Count - 1).Any(r => r.Open))
            {
                throw new InvalidOperationException($"The stored {sex} single-year rows are not ages 0, 1, …, ω+ ({ofSex.Count} rows).");
            }

            return new PopulationByAge(AgeGroups.SingleYear(ofSex[^1].From), ofSex.Select(r => r.Persons).ToArray());
        }

        return new PopulationByAgeSex(Of("male"), Of("female"));
    }
}
