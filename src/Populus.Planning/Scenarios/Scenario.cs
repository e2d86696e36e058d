using System.Collections.Immutable;
using System.Globalization;

namespace Populus.Planning.Scenarios;

/// <summary>
/// A named set of assumptions by year (TFR, e0 by sex and optionally of both sexes, SRB, net migration, graduates and
/// their retention, urbanization), each with the note that says where it comes from.
/// </summary>
/// <remarks>Scenarios are data (data/scenarios/); a scenario based on another takes every assumption it does not
/// give from it.</remarks>
public sealed class Scenario
{
    private readonly ImmutableDictionary<ScenarioAssumption, YearPath> _paths;
    private readonly ImmutableDictionary<ScenarioAssumption, string> _sources;

    /// <exception cref="ArgumentException">The name is blank, or a required assumption has no path, or a path no source note.</exception>
    public Scenario(string name, string description, IReadOnlyDictionary<ScenarioAssumption, YearPath> paths, IReadOnlyDictionary<ScenarioAssumption, string> sources)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(sources);
        var missing = Enum.GetValues<ScenarioAssumption>().Where(a => a.IsRequired() && !paths.ContainsKey(a)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"scenario '{name}' gives no {string.Join(", ", missing.Select(m => m.Name()))}.", nameof(paths));
        }

        var unsourced = paths.Keys.Where(a => !sources.TryGetValue(a, out var s) || string.IsNullOrWhiteSpace(s)).ToList();
        if (unsourced.Count > 0)
        {
            throw new ArgumentException($"scenario '{name}': {string.Join(", ", unsourced.Select(m => m.Name()))} has no source note.", nameof(sources));
        }

        Name = name.Trim();
        NameZh = Name;
        Description = description ?? "";
        _paths = paths.ToImmutableDictionary();
        _sources = sources.ToImmutableDictionary();
    }

    /// <summary>A scenario derived from <paramref name="from"/> (a lever, a calibrated year, the sexes' e0): its name,
    /// description and paths as given, everything else carried over, so that no derivation drops a part of it.</summary>
    private Scenario(Scenario from, string name, IReadOnlyDictionary<ScenarioAssumption, YearPath> paths, IReadOnlyDictionary<ScenarioAssumption, string> sources)
        : this(name, from.Description, paths, sources)
    {
        NameZh = from.NameZh;
        LeversFrom = from.LeversFrom;
        Starts = from.Starts;
        Redistributions = from.Redistributions;
    }

    public string Name { get; }

    /// <summary>The scenario's name as the Chinese interface shows it (基准情景); the name itself when none is given.</summary>
    public string NameZh { get; init; }

    /// <summary>The scenario as a Chinese sentence names it: 基准情景（baseline）, or “name”情景 when it has no Chinese name.</summary>
    public string LabelZh => LabelZhOf(Name, NameZh);

    /// <summary>A scenario named <paramref name="name"/> (and <paramref name="nameZh"/>) as a Chinese sentence names it.</summary>
    public static string LabelZhOf(string name, string? nameZh = null) => nameZh is null || nameZh == name ? $"“{name}”情景" : $"{nameZh}（{name}）";

    public string Description { get; }

    /// <summary>The first year levers set on this scenario hold (<see cref="With"/>). The years before keep the
    /// scenario's own paths: those after its base that it calibrates to observations (births, year-end totals, the
    /// bulletins' urbanization), which a lever must not rewrite. Null: every projected year.</summary>
    public int? LeversFrom { get; init; }

    /// <summary>This scenario with levers holding from <paramref name="year"/> on (<see cref="LeversFrom"/>).</summary>
    public Scenario WithLeversFrom(int year) => new(this, Name, _paths, _sources) { LeversFrom = year };

    /// <summary>The first year of a path that holds only from then on (a both-sexes e0 lever on a scenario that states
    /// the sexes' e0 only: before the lever's first year the sexes' own paths hold).</summary>
    private ImmutableDictionary<ScenarioAssumption, int> Starts { get; init; } = ImmutableDictionary<ScenarioAssumption, int>.Empty;

    /// <summary>By year, the net migrants each region receives beyond its share of the city's (<see cref="RedistributedIn"/>).</summary>
    private ImmutableDictionary<int, ImmutableDictionary<string, double>> Redistributions { get; init; } = ImmutableDictionary<int, ImmutableDictionary<string, double>>.Empty;

    /// <summary>The net migrants of <paramref name="year"/> moved between regions from what their shares of the city's
    /// give (region → persons, summing to zero; <see cref="RedistributedIn"/>); empty when the shares alone hold.</summary>
    public IReadOnlyDictionary<string, double> RedistributedMigrants(int year) =>
        Redistributions.TryGetValue(year, out var migrants) ? migrants : ImmutableDictionary<string, double>.Empty;

    /// <summary>Whether the scenario gives <paramref name="assumption"/> (every required one; the both-sexes e0 only when stated).</summary>
    public bool Gives(ScenarioAssumption assumption) => _paths.ContainsKey(assumption);

    /// <summary>Whether the scenario gives <paramref name="assumption"/> in <paramref name="year"/>: a both-sexes e0 set
    /// by a lever holds from the lever's first year only.</summary>
    public bool Gives(ScenarioAssumption assumption, int year) =>
        _paths.ContainsKey(assumption) && !(Starts.TryGetValue(assumption, out var first) && year < first);

    /// <summary>The path of one assumption the scenario gives.</summary>
    public YearPath Path(ScenarioAssumption assumption) => _paths[assumption];

    /// <summary>The value of one assumption the scenario gives in <paramref name="year"/>.</summary>
    public double At(ScenarioAssumption assumption, int year) => _paths[assumption].At(year);

    /// <summary>Where an assumption comes from.</summary>
    public string Source(ScenarioAssumption assumption) => _sources[assumption];

    /// <summary>
    /// This scenario with the levers that are set replacing their assumptions by constants from <see cref="LeversFrom"/>
    /// on (every year when it is null); named after the scenario and the levers ("baseline [tfr=1.5; from 2025]", in
    /// Chinese 基准情景 [总和生育率=1.5；2025年起]) so projected values say what produced them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A lever is outside its assumption's accepted range.</exception>
    public Scenario With(ScenarioLevers levers)
    {
        ArgumentNullException.ThrowIfNull(levers);
        if (levers == ScenarioLevers.None)
        {
            return this;
        }

        var paths = _paths.ToDictionary();
        var sources = _sources.ToDictionary();
        var starts = Starts;
        var names = new List<string>();
        var namesZh = new List<string>();
        void Set(ScenarioAssumption a, double value, string label)
        {
            var (min, max) = a.Range();
            if (!(value >= min && value <= max))
            {
                throw new ArgumentOutOfRangeException(nameof(levers), value, $"{label} must be between {min} and {max}.");
            }

            if (LeversFrom is not { } from)
            {
                paths[a] = YearPath.Constant(value);
            }
            else if (paths.TryGetValue(a, out var own))
            {
                paths[a] = own.ReplacedFrom(from, value);
            }
            else
            {
                paths[a] = YearPath.Constant(value);
                starts = starts.SetItem(a, from);
            }

            sources[a] = $"lever set to {value.ToString("0.####", CultureInfo.InvariantCulture)}" + (LeversFrom is { } first ? $" from {first}" : "");
        }

        if (levers.TotalFertility is { } tfr)
        {
            Set(ScenarioAssumption.TotalFertility, tfr, "TFR");
            names.Add(Label("tfr", tfr));
            namesZh.Add(Label("总和生育率", tfr));
        }

        if (levers.NetMigration is { } m)
        {
            Set(ScenarioAssumption.NetMigration, m, "net migration");
            names.Add(Label("net-migration", m));
            namesZh.Add(Label("年净迁入", m));
        }

        if (levers.GraduateRetention is { } r)
        {
            Set(ScenarioAssumption.GraduateRetention, r, "graduate retention");
            names.Add(Label("retention", r));
            namesZh.Add(Label("高校毕业生留温率", r));
        }

        if (levers.LifeExpectancy is { } e0)
        {
            // The level as monitoring computes it; the sexes keep the scenario's female–male gap year by year
            // (MortalityLevels.BothSexesShift): the lever moves the level, not the difference.
            Set(ScenarioAssumption.LifeExpectancy, e0, "life expectancy");
            sources[ScenarioAssumption.LifeExpectancy] += "; each sex keeps the scenario's female–male gap";
            names.Add(Label("e0", e0));
            namesZh.Add(Label("人均预期寿命", e0));
        }

        var (since, sinceZh) = LeversFrom is { } y ? (string.Create(CultureInfo.InvariantCulture, $"; from {y}"), string.Create(CultureInfo.InvariantCulture, $"；{y}年起")) : ("", "");
        return new Scenario(this, $"{Name} [{string.Join(", ", names)}{since}]", paths, sources)
        {
            NameZh = $"{NameZh} [{string.Join("，", namesZh)}{sinceZh}]",
            Starts = starts,
        };
    }

    /// <summary>This scenario, of the same name, with <paramref name="levels"/> in <paramref name="year"/> only (every
    /// other year as before, <see cref="YearPath.With"/>), each source noting the year and <paramref name="note"/>: a
    /// year calibrated to observations (<see cref="ScenarioCalibration"/>).</summary>
    /// <exception cref="ArgumentException">A level is given for an assumption the scenario does not give.</exception>
    public Scenario CalibratedIn(int year, IReadOnlyDictionary<ScenarioAssumption, double> levels, string note)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var paths = _paths.ToDictionary();
        var sources = _sources.ToDictionary();
        foreach (var (assumption, level) in levels)
        {
            if (!paths.TryGetValue(assumption, out var own))
            {
                throw new ArgumentException($"scenario '{Name}' gives no {assumption.Name()} to calibrate.", nameof(levels));
            }

            paths[assumption] = own.With(year, level);
            sources[assumption] = Noted(_sources[assumption], year, note);
        }

        return new Scenario(this, Name, paths, sources);
    }

    /// <summary>This scenario, of the same name, with the regions' net migrants of <paramref name="year"/> moved by
    /// <paramref name="migrants"/> (region → persons) from what their shares of the city's give, the city's total
    /// unchanged; the net migration's source notes the year and <paramref name="note"/>: the regions calibrated to their
    /// published year ends (<see cref="ScenarioCalibration"/>).</summary>
    /// <exception cref="ArgumentException">A figure is not finite, or they do not sum to zero (within a person).</exception>
    public Scenario RedistributedIn(int year, IReadOnlyDictionary<string, double> migrants, string note)
    {
        ArgumentNullException.ThrowIfNull(migrants);
        if (migrants.Values.Any(m => !double.IsFinite(m)) || Math.Abs(migrants.Values.Sum()) > 1)
        {
            throw new ArgumentException($"the regions' redistributed migrants of {year} must be finite and sum to zero (they sum to {migrants.Values.Sum():R}).", nameof(migrants));
        }

        var sources = _sources.SetItem(ScenarioAssumption.NetMigration, Noted(_sources[ScenarioAssumption.NetMigration], year, note));
        return new Scenario(this, Name, _paths, sources) { Redistributions = Redistributions.SetItem(year, migrants.ToImmutableDictionary(StringComparer.Ordinal)) };
    }

    /// <summary>This scenario, of the same name, with its both-sexes e0 replaced by the sexes' e0 of
    /// <paramref name="years"/> (those a projection of it applied, <see cref="ScenarioProjection.Years"/>): the central
    /// paths a probabilistic run draws each sex around, without finding the shift again in every trajectory.</summary>
    /// <exception cref="ArgumentException">No year is given.</exception>
    public Scenario BySex(IReadOnlyList<ScenarioYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (!Gives(ScenarioAssumption.LifeExpectancy))
        {
            return this;
        }

        var paths = _paths.Remove(ScenarioAssumption.LifeExpectancy).ToDictionary();
        var sources = _sources.Remove(ScenarioAssumption.LifeExpectancy).ToDictionary();
        paths[ScenarioAssumption.MaleLifeExpectancy] = new YearPath(years.Select(y => new KeyValuePair<int, double>(y.Year, y.MaleLifeExpectancy)));
        paths[ScenarioAssumption.FemaleLifeExpectancy] = new YearPath(years.Select(y => new KeyValuePair<int, double>(y.Year, y.FemaleLifeExpectancy)));
        var note = $"the sexes' e0 that give the both-sexes e0 in the scenario's projection (both sexes: {Source(ScenarioAssumption.LifeExpectancy)})";
        sources[ScenarioAssumption.MaleLifeExpectancy] = note;
        sources[ScenarioAssumption.FemaleLifeExpectancy] = note;
        return new Scenario(this, Name, paths, sources);
    }

    public override string ToString() => Name;

    /// <summary><paramref name="source"/> noting <paramref name="year"/>'s calibration once: a year calibrated again (the
    /// city and its regions in turn) keeps one note of each.</summary>
    private static string Noted(string source, int year, string note) =>
        string.Create(CultureInfo.InvariantCulture, $"; {year}: {note}") is var added && source.Contains(added, StringComparison.Ordinal) ? source : source + added;

    private static string Label(string name, double value) => string.Create(CultureInfo.InvariantCulture, $"{name}={value:0.####}");
}
