using System.CommandLine;
using System.Globalization;
using Populus.Storage;
using Populus.Storage.PlanData;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus estimate [--vintage YEAR] [--replace] [--db …]`: computes the annual population estimates from the 2020
/// census base to 31 December of the vintage year and stores them as that vintage (docs/estimates.md).
/// </summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var vintage = new Option<int?>("--vintage") { Description = "The last year to estimate (default: the last year with a published year-end population)" };
        var replace = new Option<bool>("--replace") { Description = "Estimate a stored vintage again (otherwise a stored vintage is never changed)" };
        var db = DbOption.Create();
        var command = new Command("estimate", "Annual population estimates by single age, sex and county from the 2020 census base (stored as a vintage)")
        {
            vintage, replace, db,
        };
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var year = parse.GetValue(vintage) ?? LatestYear(store);
            var stored = store.Estimate(year, parse.GetValue(replace));
            var figures = store.PopulationEstimates(year, PlanningRegions.PlanRegion(store));
            output.WriteLine($"Vintage {stored.Vintage} stored in {store.Location}: {stored.BaseDate:yyyy-MM-dd} to {stored.LastDate:yyyy-MM-dd}.");
            foreach (var date in figures.Select(f => f.ReferenceDate).Distinct())
            {
                output.WriteLine($"  {date:yyyy-MM-dd}  {figures.Where(f => f.ReferenceDate == date).Sum(f => f.Persons).ToString("N0", CultureInfo.InvariantCulture),12}");
            }

            foreach (var line in stored.Inputs.Split(" | "))
            {
                output.WriteLine("  " + line);
            }

            return CommandExit.Done;
        }));
        return command;
    }

    /// <summary>The last year the store has a published (or derived) year-end population of the plan's city.</summary>
    internal static int LatestYear(IPopulusStore store)
    {
        var city = PlanningRegions.PlanRegion(store);
        for (var year = DateTime.UtcNow.Year; year >= 2020; year--)
        {
            if (store.SurveyTotals(city, year).Any(s => s.Measure == "population"))
            {
                return year;
            }
        }

        return 2020;
    }
}
