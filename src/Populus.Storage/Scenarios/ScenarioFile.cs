using System.Globalization;
using Populus.Planning.Data;
using Populus.Planning.Scenarios;
using Populus.Storage.Tabular;

namespace Populus.Storage.Scenarios;

/// <summary>
/// Reads scenarios from <c>scenarios.csv</c> (scenario, based_on, name_zh, description) and <c>assumptions.csv</c>
/// (scenario, assumption, year, value, source) in one folder (data/scenarios). Every problem in either file is
/// reported at once, naming file, row, column and value.
/// </summary>
public static class ScenarioFile
{
    public const string ListFile = "scenarios.csv";

    public const string AssumptionsFile = "assumptions.csv";

    /// <exception cref="InvalidInputException">A file is missing or malformed, a row names an unknown scenario or
    /// assumption, a value is out of range or given twice, a source is blank, a base is unknown or circular, or a
    /// scenario lacks an assumption after inheriting from its base.</exception>
    public static IReadOnlyList<Scenario> Read(string folder)
    {
        var listPath = Path.Combine(folder, ListFile);
        var assumptionsPath = Path.Combine(folder, AssumptionsFile);
        var errors = new List<InputError>();
        var declared = new Dictionary<string, (int Row, string? BasedOn, string Description, string? NameZh)>(StringComparer.Ordinal);
        using (var list = CsvTable.Open(listPath, "scenario", "based_on", "description"))
        {
            foreach (var r in list.Records())
            {
                var name = r.RequiredText("scenario");
                if (name is null)
                {
                    continue;
                }

                if (declared.ContainsKey(name))
                {
                    r.Fail("scenario", name, $"scenario '{name}' is declared twice (first on row {declared[name].Row})");
                    continue;
                }

                declared[name] = (r.Row, r.Text("based_on"), r.Text("description") ?? "", r.Text("name_zh"));
            }

            foreach (var (name, (row, basedOn, _, _)) in declared)
            {
                if (basedOn is not null && !declared.ContainsKey(basedOn))
                {
                    list.AddError(row, "based_on", basedOn, $"no scenario '{basedOn}' is declared in {ListFile}");
                }
            }

            errors.AddRange(list.Errors);
        }

        var paths = declared.Keys.ToDictionary(k => k, _ => new Dictionary<ScenarioAssumption, (SortedDictionary<int, double> Values, List<string> Sources, int Row)>(), StringComparer.Ordinal);
        using (var table = CsvTable.Open(assumptionsPath, "scenario", "assumption", "year", "value", "source"))
        {
            foreach (var r in table.Records())
            {
                var name = r.RequiredText("scenario");
                var assumptionText = r.RequiredText("assumption");
                var year = r.Integer("year", 1900, 2200);
                var source = r.RequiredText("source");
                if (name is not null && !declared.ContainsKey(name))
                {
                    r.Fail("scenario", name, $"scenario '{name}' is not declared in {ListFile}");
                    name = null;
                }

                ScenarioAssumption? assumption = null;
                if (assumptionText is not null)
                {
                    assumption = ScenarioAssumptions.Parse(assumptionText);
                    if (assumption is null)
                    {
                        r.Fail("assumption", assumptionText, $"unknown assumption; known: {string.Join(", ", ScenarioAssumptions.All.Select(a => a.Name))}");
                    }
                }

                double? value = null;
                if (assumption is { } a)
                {
                    var (min, max) = a.Range();
                    var unit = ScenarioAssumptions.All.First(x => x.Assumption == a).Unit;
                    value = r.Number("value", min, max, new Reason(
                        string.Create(CultureInfo.InvariantCulture, $"{a.Name()} must be between {min} and {max} {unit}"),
                        string.Create(CultureInfo.InvariantCulture, $"{a.Name()} 应在 {min} 与 {max} {unit} 之间")));
                }

                if (name is null || assumption is null || year is null || value is null || source is null)
                {
                    continue;
                }

                if (!paths[name].TryGetValue(assumption.Value, out var path))
                {
                    path = (new SortedDictionary<int, double>(), [], r.Row);
                    paths[name][assumption.Value] = path;
                }

                if (!path.Values.TryAdd(year.Value, value.Value))
                {
                    r.Fail("year", year.Value.ToString(CultureInfo.InvariantCulture), $"{name}: {assumptionText} for {year} is given twice");
                    continue;
                }

                path.Sources.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: {source}"));
            }

            errors.AddRange(table.Errors);
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var built = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        Scenario Build(string name, HashSet<string> visiting)
        {
            if (built.TryGetValue(name, out var done))
            {
                return done;
            }

            var (row, basedOn, description, nameZh) = declared[name];
            if (!visiting.Add(name))
            {
                throw new InvalidInputException(new InputError(listPath, row, "based_on", basedOn, $"scenario '{name}' is based on itself through {string.Join(" → ", visiting)}"));
            }

            var own = paths[name];
            var basis = basedOn is null ? null : Build(basedOn, visiting);
            var values = new Dictionary<ScenarioAssumption, YearPath>();
            var sources = new Dictionary<ScenarioAssumption, string>();
            foreach (var a in Enum.GetValues<ScenarioAssumption>())
            {
                if (own.TryGetValue(a, out var p))
                {
                    values[a] = new YearPath(p.Values);
                    sources[a] = string.Join("; ", p.Sources);
                }
                else if (basis is not null && basis.Gives(a)
                         && !(a == ScenarioAssumption.LifeExpectancy && (own.ContainsKey(ScenarioAssumption.MaleLifeExpectancy) || own.ContainsKey(ScenarioAssumption.FemaleLifeExpectancy))))
                {
                    // A scenario that states its sexes' e0 means them: it does not take its base's both-sexes level.
                    values[a] = basis.Path(a);
                    sources[a] = $"as {basis.Name}: {basis.Source(a)}";
                }
            }

            var missing = Enum.GetValues<ScenarioAssumption>().Where(a => a.IsRequired() && !values.ContainsKey(a)).Select(a => a.Name()).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidInputException(new InputError(assumptionsPath, 0, "assumption", string.Join(", ", missing),
                    $"scenario '{name}' gives no {string.Join(", ", missing)} and is based on no scenario that does"));
            }

            visiting.Remove(name);
            return built[name] = new Scenario(name, description, values, sources) { NameZh = nameZh ?? name };
        }

        var all = new List<Scenario>();
        var missingErrors = new List<InputError>();
        foreach (var name in declared.Keys)
        {
            try
            {
                all.Add(Build(name, []));
            }
            catch (InvalidInputException e)
            {
                missingErrors.AddRange(e.Errors);
            }
        }

        if (missingErrors.Count > 0)
        {
            throw new InvalidInputException(missingErrors.Distinct().ToList());
        }

        return all;
    }
}
