using System.CommandLine;
using System.Globalization;
using Populus.Services.Talent;
using Populus.Storage;
using Populus.Storage.Services;

namespace Populus.Cli.Commands;

/// <summary>`populus talent retention`: the local-graduate retention rate by year and talent retention by intake cohort, from imported records.</summary>
internal static class TalentCommand
{
    public static Command Create()
    {
        var category = new Option<string?>("--category") { Description = "Only this talent category (A–F) in the cohort table" };
        var horizons = new Option<string?>("--after") { Description = "Years after intake, whole years 1 to 50, comma-separated (default 1,3,5)" };
        var retention = new Command("retention", "Graduate retention rate (indicator 11) and 留温/离温 by intake cohort") { category, horizons };
        var db = ServiceOptions.Common(retention, db: true).Db;
        retention.SetAction(parse => CommandExit.Run(parse, (output, error) =>
        {
            var (years, wrong) = CohortRetention.Horizons(parse.GetValue(horizons));
            var (option, refused) = CohortRetention.CategoryProblem(parse.GetValue(category)) is { } problem ? ("--category", problem) : ("--after", wrong);
            if (refused is { } reason)
            {
                error.WriteLine($"{option} {reason.English}");
                error.WriteLine($"{option} {reason.Chinese}");
                return CommandExit.Refused;
            }

            using var store = PopulusStore.Open(parse.GetValue(db));
            // figure_kind says whether the row rests on observed records only, as the API's "estimated" does: a row with
            // any estimated or projected record (the shipped EXAMPLE data) is estimated.
            output.WriteLine("year,graduates,employed_local,retention_rate_percent,figure_kind,sources");
            foreach (var y in GraduateRetention.ByYear(store.Services.Graduates()))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{y.Year},{y.Graduates},{y.Retained},{y.RatePercent:0.00},{Kind(y.Estimated)},\"{y.Sources}\""));
            }

            output.WriteLine();
            output.WriteLine("intake_year,category,intake,graduates,after_years,still_local,left,not_known,retained_percent,figure_kind");
            foreach (var c in CohortRetention.Compute(store.Services.TalentIntake(), years, parse.GetValue(category)))
            {
                foreach (var s in c.After)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{c.IntakeYear},{c.Category},{c.Intake},{c.Graduates},{s.Years},{s.StillLocal},{s.Left},{s.NotKnown},{(s.RetainedPercent is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "")},{Kind(c.Estimated)}"));
                }
            }

            return CommandExit.Done;
        }));
        return new Command("talent", "Talent and graduates: retention (留温) and departure (离温)") { retention };
    }

    private static string Kind(bool estimated) => estimated ? "estimated" : "observed";
}
