using System.Data.Common;
using Populus.Demography;
using Populus.Storage.Engines;

namespace Populus.Storage.Estimates;

/// <summary>Stored single-year rows (0, 1, …, ω+) by sex back into a <see cref="PopulationByAgeSex"/>.</summary>
internal static class SingleYears
{
    /// <summary>A region's stored single-year population by sex at a date (any provenance), or null.</summary>
    public static PopulationByAgeSex? Read(DbConnection connection, DbTransaction transaction, string regionCode, DateOnly referenceDate) =>
        ToPopulation(Sql.Query(connection, transaction,
            "SELECT sex, age_from, age_to, persons FROM population WHERE region_code = $1 AND reference_date = $2 AND sex IN ('male', 'female') " +
            "AND residence = 'total' AND education = 'total' AND age <> 'total' AND (age_to IS NULL OR age_to = age_from) ORDER BY sex, age_from",
            r => (Sex: r.GetString(0), From: r.Int(1) ?? 0, Open: r.IsDBNull(2), Persons: r.Double(3)), regionCode, referenceDate));

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
