using System.CommandLine;
using System.Globalization;
using Populus.Demography;
using Populus.Demography.LifeTables;
using Populus.Planning.Data;
using Populus.Storage.Inputs;
using Populus.Storage.Tabular;

namespace Populus.Cli.Commands;

/// <summary>
/// `populus lifetable --input rates.csv`: a life table from death rates (columns age,mx) or from deaths and
/// exposures (age,deaths,exposure), on single years or abridged ages (0, 1, 5, 10, …), detected from the ages given.
/// An optional ax column overrides the separation factors row by row. Writes age,mx,qx,ax,lx,dx,Lx,Tx,ex to stdout.
/// </summary>
internal static class LifeTableCommand
{
    private static readonly Reason Exposure = new("exposure must be positive person-years", "暴露人年数必须为正");

    private const string AgeColumn = "age";

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV with columns age,mx or age,deaths,exposure (optional ax); the last row is the open age group", Required = true };
        var a0 = new Option<string>("--a0") { Description = "Rule for 1a0: andreev-kingkade (default) or coale-demeny" };
        a0.AcceptOnlyFromAmong("andreev-kingkade", "coale-demeny");
        var openAge = new Option<int?>("--open-age") { Description = "Close the table at this age (must start an age group of the input)" };
        var sex = new Option<string>("--sex") { Description = "male or female: whose infant coefficients apply (default male, as WPP's both-sexes tables)" };
        sex.AcceptOnlyFromAmong("male", "female");
        var closure = new Option<string>("--closure") { Description = "Open age group: reciprocal (L = l/m, default) or kannisto (fit 60+, extend to 130)" };
        closure.AcceptOnlyFromAmong("reciprocal", "kannisto");

        var command = new Command("lifetable", "Life table (qx, lx, dx, Lx, Tx, ex) from death rates or deaths and exposures") { input, a0, openAge, sex, closure };
        command.SetAction(parse => CommandExit.Run(parse, (output, _) =>
        {
            var options = new LifeTableOptions
            {
                Sex = parse.GetValue(sex) == "female" ? Sex.Female : Sex.Male,
                A0Rule = parse.GetValue(a0) == "coale-demeny" ? A0Rule.CoaleDemeny : A0Rule.AndreevKingkade,
                Closure = parse.GetValue(closure) == "kannisto" ? OpenAgeClosure.Kannisto() : OpenAgeClosure.Reciprocal,
            };
            Write(Read(parse.GetValue(input)!, options, parse.GetValue(openAge)), output);
            return CommandExit.Done;
        }));
        return command;
    }

    private sealed record Row(int Line, string AgeText, int Age, double Mx, double? Ax);

    /// <summary>Reads and checks the whole file, reporting every bad cell, then builds the table.</summary>
    private static LifeTable Read(string path, LifeTableOptions options, int? openAge)
    {
        using var csv = CsvTable.Open(path, AgeColumn);
        var fromCounts = csv.HasColumn("deaths") || csv.HasColumn("exposure");
        if (!fromCounts && !csv.HasColumn("mx"))
        {
            csv.AddError(1, null, null, "the header needs a column 'mx', or columns 'deaths' and 'exposure'");
        }
        else if (fromCounts && !(csv.HasColumn("deaths") && csv.HasColumn("exposure")))
        {
            csv.AddError(1, csv.HasColumn("deaths") ? "exposure" : "deaths", null, "deaths and exposure must both be given");
        }

        var rows = new List<Row>();
        foreach (var record in csv.Records())
        {
            var age = record.Age(AgeColumn);
            double? mx;
            if (fromCounts)
            {
                var deaths = record.Number("deaths", 0, double.MaxValue, new Reason("deaths must be a count of at least 0", "死亡数不能为负"));
                var exposure = record.Number("exposure", 0, double.MaxValue, Exposure);
                if (exposure == 0)
                {
                    record.Fail("exposure", record.Text("exposure"), Exposure);
                }

                mx = deaths is { } d && exposure is > 0 and var e ? d / e : null;
                if (mx > DeathRates.MaximumRate)
                {
                    record.Fail("deaths", record.Text("deaths"), $"deaths / exposure = {mx:G4} is above {DeathRates.MaximumRate}, not a death rate");
                    mx = null;
                }
            }
            else
            {
                mx = record.Number("mx", 0, DeathRates.MaximumRate, ProjectionInputReader.DeathRateRange);
            }

            var ax = record.OptionalNumber("ax", 0, 130);
            if (age is { } a && mx is { } m)
            {
                rows.Add(new Row(record.Row, record.Text(AgeColumn)!, a.Age, m, ax));
            }
        }

        if (rows.Count == 0 && csv.Errors.Count == 0)
        {
            csv.AddError(0, null, null, "no data rows");
        }

        var ages = csv.Errors.Count == 0 ? Grid(csv, rows) : null;
        if (ages is not null)
        {
            CheckRows(csv, rows, ages, options);
        }

        csv.ThrowIfInvalid();
        var axGiven = rows.Any(r => r.Ax is not null) ? rows.Select(r => r.Ax ?? double.NaN).ToArray() : [];
        LifeTable table;
        try
        {
            table = LifeTable.FromRates(new DeathRates(ages!, rows.Select(r => r.Mx).ToArray()), options, axGiven);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException(new InputError(csv.FileName, 0, null, null, ex.Message));
        }

        if (openAge is not { } omega || omega == ages!.OpenAge)
        {
            return table;
        }

        var index = ages.IndexOf(omega);
        if (omega <= 0 || index < 0 || ages.Start(index) != omega)
        {
            throw new InvalidInputException(new InputError(csv.FileName, 0, null, omega.ToString(CultureInfo.InvariantCulture),
                $"--open-age must be an age group start above 0 and at most the input's open age {ages.OpenAge}"));
        }

        return table.ClosedAt(omega);
    }

    /// <summary>Single years 0, 1, …, ω or abridged 0, 1, 5, 10, …, ω; names the first missing or misplaced age.</summary>
    private static AgeGroups? Grid(CsvTable csv, List<Row> rows)
    {
        var abridged = rows.Count >= 3 && rows[1].Age == 1 && rows[2].Age == 5;
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = abridged ? (i == 0 ? 0 : i == 1 ? 1 : 5 * (i - 1)) : i;
            if (rows[i].Age != expected)
            {
                var scheme = abridged ? "abridged ages 0, 1, 5, 10, …" : "single-year ages 0, 1, 2, …";
                var reason = rows[i].Age > expected
                    ? $"age {expected} is missing ({scheme} are expected, in order)"
                    : $"age {rows[i].Age} is out of order or repeated ({scheme} are expected; age {expected} comes here)";
                csv.AddError(rows[i].Line, AgeColumn, rows[i].AgeText, reason);
                return null;
            }

            if (rows[i].AgeText.EndsWith('+') && i != rows.Count - 1)
            {
                csv.AddError(rows[i].Line, AgeColumn, rows[i].AgeText, "only the last row can be an open age group");
                return null;
            }
        }

        if (rows.Count < 2)
        {
            csv.AddError(rows[0].Line, AgeColumn, rows[0].AgeText, "a life table needs at least age 0 and an open age group");
            return null;
        }

        return abridged ? AgeGroups.Abridged(rows[^1].Age) : AgeGroups.SingleYear(rows[^1].Age);
    }

    /// <summary>Checks that need the grid: ax within its group, probabilities of dying ≤ 1, a positive open-age rate.</summary>
    private static void CheckRows(CsvTable csv, List<Row> rows, AgeGroups ages, LifeTableOptions options)
    {
        for (var i = 0; i < rows.Count - 1; i++)
        {
            var n = ages.Width(i);
            var r = rows[i];
            if (r.Ax is { } a && a > n)
            {
                csv.AddError(r.Line, "ax", a.ToString(CultureInfo.InvariantCulture), $"ax must lie within the {n}-year age group");
            }
            else if (r.Mx * (r.Ax ?? n / 2.0) > 1 && i > 1)
            {
                var column = csv.HasColumn("mx") ? "mx" : "deaths";
                csv.AddError(r.Line, column, r.Mx.ToString("G6", CultureInfo.InvariantCulture),
                    $"with ax = {r.Ax ?? n / 2.0} this rate gives a probability of dying above 1 (needs ax·mx ≤ 1)");
            }
        }

        var last = rows[^1];
        if (options.Closure == OpenAgeClosure.Reciprocal && last.Mx <= 0)
        {
            csv.AddError(last.Line, csv.HasColumn("mx") ? "mx" : "deaths", last.Mx.ToString(CultureInfo.InvariantCulture),
                "the open age group needs a positive death rate (its person-years are l/m)");
        }
    }

    private static void Write(LifeTable t, TextWriter output)
    {
        output.WriteLine("age,mx,qx,ax,lx,dx,Lx,Tx,ex");
        for (var i = 0; i < t.Ages.Count; i++)
        {
            var age = t.Ages.Start(i).ToString(CultureInfo.InvariantCulture) + (t.Ages.IsOpen(i) ? "+" : "");
            output.WriteLine(string.Join(',', age, F(t.Mx[i]), F(t.Qx[i]), F(t.Ax[i]), F(t.Survivors[i]), F(t.Deaths[i]),
                F(t.PersonYears[i]), F(t.PersonYearsAbove[i]), F(t.Expectancy[i])));
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
