using System.CommandLine;
using System.Globalization;
using Populus.Storage;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus estimates [--vintage YEAR] [--region CODE] [--components] [--format csv|table] [--db …]`: reads a stored
/// vintage. CSV is one row per cell (vintage, date, region, sex, age, persons, figure kind, source); the table is the
/// total by date and region.
/// </summary>
internal static class EstimatesCommand
{
    public static Command Create()
    {
        var vintage = new Option<int?>("--vintage") { Description = "The vintage to read (default: the latest stored)" };
        var region = new Option<string?>("--region") { Description = "A region code (the plan's city or one of its county-level units; default: every region)" };
        var components = new Option<bool>("--components") { Description = "Read the components of change (births, deaths, net migration) instead of the population" };
        var format = new Option<string>("--format") { Description = "csv (every cell) or table (totals; default)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("csv", "table");
        var db = DbOption.Create();
        var command = new Command("estimates", "Read a stored vintage of the annual estimates") { vintage, region, components, format, db };
        command.SetAction(parse => CommandExit.Run(parse, (output, error) =>
        {
            using var store = PopulusStore.Open(parse.GetValue(db));
            var vintages = store.Vintages();
            var chosen = parse.GetValue(vintage) ?? (vintages.Count > 0 ? vintages[^1].Vintage : (int?)null);
            if (chosen is not { } v || vintages.All(x => x.Vintage != v))
            {
                error.WriteLine(chosen is null
                    ? "No vintage of the estimates is stored yet. Make one with `populus estimate` (or `--vintage YEAR`)."
                    : $"No vintage {chosen.Value.ToString(CultureInfo.InvariantCulture)} is stored; stored: " +
                      $"{(vintages.Count == 0 ? "none" : string.Join(", ", vintages.Select(x => x.Vintage)))}. Make one with `populus estimate --vintage YEAR`.");
                return CommandExit.Refused;
            }

            var csv = parse.GetValue(format) == "csv";
            if (parse.GetValue(components))
            {
                WriteComponents(output, store.ComponentEstimates(v, parse.GetValue(region)), csv);
            }
            else
            {
                WritePopulation(output, store.PopulationEstimates(v, parse.GetValue(region)), csv);
            }

            return CommandExit.Done;
        }));
        return command;
    }

    private static void WritePopulation(TextWriter output, IReadOnlyList<PopulationEstimateFigure> rows, bool csv)
    {
        if (csv)
        {
            output.WriteLine("vintage,reference_date,region,sex,age,persons,figure_kind,source_id");
            foreach (var r in rows)
            {
                output.WriteLine(string.Join(',', r.Vintage.ToString(CultureInfo.InvariantCulture), r.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.RegionCode, r.Sex, r.Age, r.Persons.ToString("R", CultureInfo.InvariantCulture), r.Provenance.Kind.Code(), r.Provenance.SourceId));
            }

            return;
        }

        output.WriteLine($"{"reference_date",-14} {"region",-8} {"persons",12} {"male",12} {"female",12} {"65+ %",6}");
        foreach (var g in rows.GroupBy(r => (r.ReferenceDate, r.RegionCode)))
        {
            var total = g.Sum(r => r.Persons);
            var old = g.Where(r => int.Parse(r.Age.TrimEnd('+'), CultureInfo.InvariantCulture) >= 65).Sum(r => r.Persons);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{g.Key.ReferenceDate:yyyy-MM-dd}     {g.Key.RegionCode,-8} {total,12:N0} {g.Where(r => r.Sex == "male").Sum(r => r.Persons),12:N0} {g.Where(r => r.Sex == "female").Sum(r => r.Persons),12:N0} {100 * old / total,6:F2}"));
        }
    }

    private static void WriteComponents(TextWriter output, IReadOnlyList<ComponentEstimateFigure> rows, bool csv)
    {
        if (csv)
        {
            output.WriteLine("vintage,period_start,period_end,region,component,sex,age,persons,figure_kind,source_id");
            foreach (var r in rows)
            {
                output.WriteLine(string.Join(',', r.Vintage.ToString(CultureInfo.InvariantCulture), r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.RegionCode, r.Component, r.Sex, r.Age,
                    r.Persons.ToString("R", CultureInfo.InvariantCulture), r.Provenance.Kind.Code(), r.Provenance.SourceId));
            }

            return;
        }

        output.WriteLine($"{"period",-23} {"region",-8} {"births",10} {"deaths",10} {"net migration",14}");
        foreach (var g in rows.GroupBy(r => (r.PeriodStart, r.PeriodEnd, r.RegionCode)))
        {
            double Of(string c) => g.Where(r => r.Component == c).Sum(r => r.Persons);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{g.Key.PeriodStart:yyyy-MM-dd}..{g.Key.PeriodEnd:yyyy-MM-dd}  {g.Key.RegionCode,-8} {Of("births"),10:N0} {Of("deaths"),10:N0} {Of("net_migration"),14:N0}"));
        }
    }
}
