using System.Globalization;
using Populus.Demography;
using Populus.Demography.Summaries;
using Populus.Storage.Tabular;

namespace Populus.Storage.Projections;

/// <summary>Writes projections as long CSV tables (one value a row, ready for charts), each file complete or not at all (<see cref="AtomicFile"/>).</summary>
public static class ProjectionCsv
{
    /// <summary><c>key,year,sex,age,value</c>: population by year, sex (M/F) and single age, the open group written as its start age.</summary>
    public static void WritePopulation(ProjectionRun run, string path)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = run.Result;
        AtomicFile.Write(path, w =>
        {
            w.WriteLine($"{run.KeyColumn},year,sex,age,value");
            foreach (var year in result.Years)
            {
                for (var s = 0; s < run.Codes.Count; s++)
                {
                    foreach (var sex in SexCodes.All)
                    {
                        var values = result.Population(year, s, sex);
                        for (var a = 0; a < values.Length; a++)
                        {
                            w.Write(run.Codes[s]);
                            w.Write(',');
                            w.Write(year.ToString(CultureInfo.InvariantCulture));
                            w.Write(',');
                            w.Write(sex.Code());
                            w.Write(',');
                            w.Write(result.Ages.Start(a).ToString(CultureInfo.InvariantCulture));
                            w.Write(',');
                            w.WriteLine(Number(values[a]));
                        }
                    }
                }
            }
        });
    }

    /// <summary><c>year,total,age_0_14,age_15_64,age_65_plus,share_65_plus_pct,births,deaths,net_migration</c>; flows are empty in the base year.</summary>
    public static void WriteSummary(IReadOnlyList<ProjectionSummaryRow> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.Write(path, w =>
        {
            w.WriteLine("year,total,age_0_14,age_15_64,age_65_plus,share_65_plus_pct,births,deaths,net_migration");
            foreach (var r in rows)
            {
                w.WriteLine(string.Join(',', r.Year.ToString(CultureInfo.InvariantCulture), Number(r.Total), Number(r.Children),
                    Number(r.WorkingAge), Number(r.Older), Number(r.OlderSharePercent), Number(r.Births), Number(r.Deaths), Number(r.NetMigration)));
            }
        });
    }

    /// <summary>Six decimals (a thousandth of a person when counts are in thousands); NaN as an empty cell.</summary>
    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("0.######", CultureInfo.InvariantCulture);
}
