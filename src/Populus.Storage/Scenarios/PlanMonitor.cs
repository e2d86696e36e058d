using System.Globalization;
using Populus.Demography.Stochastic;
using Populus.Planning.Data;
using PlanProvenance = Populus.Planning.Data.Provenance;
using Populus.Planning.GoalSeeking;
using Populus.Planning.Indicators;
using Populus.Planning.Probability;
using Populus.Planning.Scenarios;
using Populus.Planning.Targets;
using Populus.Storage.Tabular;

namespace Populus.Storage.Scenarios;

/// <summary>
/// Everything plan monitoring reads, loaded once: the plan's catalogue and targets, the scenarios, the scenario
/// model, the service standards, and the observed figures (the plan's base values and its published tables of GDP,
/// employed persons and graduate retention, the statistics bureau's annual figures in data/wenzhou, the department
/// figures imported into the store, the graduates and talent intake counted from the store's records
/// (<see cref="PlanData.TalentIndicators"/>), and the store's census tables, annual estimates and year-end totals for
/// the region-years those leave open: <see cref="PlanData.StorePopulation"/>). The commands and the cockpit use it.
/// </summary>
public sealed class PlanMonitor
{
    private PlanMonitor(string dataFolder, PlanFiles plan, ScenarioModel model, IReadOnlyList<Scenario> scenarios,
        IReadOnlyList<Planning.Services.ServiceStandard> standards, Lazy<Task<Demography.Stochastic.UncertaintyModel>> national, IPopulusStore store,
        PlanData.StorePopulation population)
    {
        DataFolder = dataFolder;
        Plan = plan;
        Model = model;
        Standards = standards;
        Projector = new ScenarioProjector(model);
        _uncertainty = new(() =>
        {
            // The calibration's own exception (a missing or invalid WPP file), not the task's wrapper.
            var china = national.Value.GetAwaiter().GetResult();
            // The trajectories part after the last observed year, not after the calibration's (WPP's 2023): a year the
            // bureau has published is no one's uncertainty. Each process keeps its spread by horizon from there.
            var observed = china with { BaseYear = Math.Max(china.BaseYear, LastObservedYear) };
            return MigrationSpread is { } own ? observed with { NetMigrationRate = own.Process } : observed;
        });
        _planFigures = ReadPlanFigures();
        LoadObserved(store, population);
        // The years the bureau has published since the annual file (imported into the store) calibrate every scenario,
        // so that projections, levers and trajectories start from the latest year end, as from the file's last.
        PublishedYearEnds = ReadPublishedYearEnds(store);
        if (PublishedYearEnds.Count > 0)
        {
            LastObservedYear = PublishedYearEnds[^1].Year;
        }

        // The regions' published year ends of those years calibrate the scenarios' regions, so that each county's
        // projection starts from its own figure, not from its share of the city's.
        PublishedRegionYearEnds = ReadRegionYearEnds();
        Scenarios = [.. scenarios.Select(s => CalibratedToPublished(s))];
        MigrationSpread = MigrationSpreadFrom(BalanceWithPublished(store), Model.BaseYear);
    }

    public string DataFolder { get; }

    public PlanFiles Plan { get; }

    public ScenarioModel Model { get; }

    /// <summary>The scenarios of the data folder, each calibrated to <see cref="PublishedYearEnds"/> and <see cref="PublishedRegionYearEnds"/>.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>The city's year ends published after the data folder's annual file (the store's annual sample survey,
    /// <see cref="ReadPublishedYearEnds"/>), to which every scenario is calibrated (<see cref="ScenarioCalibration"/>); empty
    /// when the store holds none.</summary>
    public IReadOnlyList<ObservedYearEnd> PublishedYearEnds { get; }

    /// <summary>The regions' year ends of the years after the model's base up to <see cref="LastObservedYear"/> that
    /// monitoring shows as observed (the bureau's county figures, data/wenzhou/county_annual.csv and those imported), to
    /// which every scenario's regions are calibrated (<see cref="ScenarioCalibration"/>): a year may publish some only.</summary>
    public IReadOnlyList<ObservedRegionYearEnds> PublishedRegionYearEnds { get; }

    public IReadOnlyList<Planning.Services.ServiceStandard> Standards { get; }

    /// <summary>Observed and reported figures.</summary>
    public InMemoryIndicatorData Observed { get; private set; }

    /// <summary>Indicators from the observed figures.</summary>
    public IndicatorCalculator Calculator { get; private set; }

    /// <summary>Reads the observed figures again, after an import changed the store's: the plan, the model and the
    /// runs are kept. A computation that began before keeps the figures it began with.</summary>
    /// <returns>False when the store's published year ends, the city's or its regions', are no longer those the
    /// scenarios are calibrated to (<see cref="PublishedYearEnds"/>, <see cref="PublishedRegionYearEnds"/>), or they give
    /// another migration spread (a natural growth rate imported for
    /// one): the scenarios, levers and runs of this monitor then start from the wrong year or spread, and the caller
    /// loads a new monitor.</returns>
    public bool ReloadObserved(IPopulusStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        LoadObserved(store, PlanData.StorePopulation.Read(store.For(DataScope.All), Plan.Regions));
        return ReadPublishedYearEnds(store).SequenceEqual(PublishedYearEnds) && ReadRegionYearEnds().SequenceEqual(PublishedRegionYearEnds)
            && (MigrationSpreadFrom(BalanceWithPublished(store), Model.BaseYear)?.Rates ?? []).SequenceEqual(MigrationSpread?.Rates ?? []);
    }

    /// <summary>The reusable projection workspace (not thread-safe).</summary>
    public ScenarioProjector Projector { get; }

    /// <summary>The WPP location whose published bounds calibrate the probabilistic projection: China (the city has
    /// no bounds of its own; the processes are applied around the scenario's own levels).</summary>
    public const int CalibrationLocation = 156;

    /// <summary>ρ, the correlation of the regions' deviations (an assumption: no sub-national data calibrate it).</summary>
    public const double RegionalCorrelation = 0.9;

    private readonly Lazy<Demography.Stochastic.UncertaintyModel> _uncertainty;

    /// <summary>The plan's base values and published tables and the bureau's annual figures, with the annual file's
    /// year-end residents (万人) and natural growth rates (‰) by indicator and year (the balance the city's migration
    /// spread is measured on): read once, as the data folder does not change while the monitor runs (an import changes
    /// the store's figures only, <see cref="ReloadObserved"/>).</summary>
    private readonly (IReadOnlyList<ReportedValue> Reported, IReadOnlyList<SeriesFigure> Series, IReadOnlyDictionary<(string Indicator, int Year), (double Value, string Source)> Balance) _planFigures;

    /// <summary>The plan's published tables that monitoring reads (data/plan/tables): Table 1's GDP and employed persons
    /// (the series labour productivity is computed from) and its printed productivity, Table 4's graduate retention
    /// rates (市教育局). Table 3 is the store's (seeded as the city's census population), Table 6's base values the
    /// target book's.</summary>
    private static readonly string[] PlanTables = ["table1-labour-productivity-2015-2020.csv", "table4-graduate-retention-2014-2021.csv"];

    /// <summary>A figure of a data series (<see cref="ScalarSeries"/>) in the series' unit.</summary>
    private sealed record SeriesFigure(string Name, string Region, int Year, double Value, PlanProvenance Provenance);

    /// <summary>The random processes calibrated to China's WPP 2024 bounds (data/wpp), fitted once, with their base year
    /// the last observed one (<see cref="LastObservedYear"/>; 2024 on the embedded data): the years up to it are the
    /// same in every trajectory. Net migration's spread is the city's own (<see cref="MigrationSpread"/>) where its
    /// annual figures measure it.</summary>
    /// <exception cref="InvalidInputException">The WPP extract is missing or invalid.</exception>
    public Demography.Stochastic.UncertaintyModel Uncertainty => _uncertainty.Value;

    /// <summary>
    /// The plan targets' indicators computed from population, for each of <paramref name="regions"/> where the
    /// indicator applies: what a probabilistic run keeps to judge the targets and draw fan charts.
    /// </summary>
    public IReadOnlyList<(string Indicator, string Region)> TargetSeries(IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var ids = Plan.Book.Targets.Select(t => t.IndicatorId).Distinct().Where(id => Plan.Catalogue[id].Formula is not null).ToList();
        return [.. from region in regions.Select(Plan.Regions.KeyOrSelf).Distinct()
                   from id in ids
                   where Plan.Catalogue[id].AppliesTo(region)
                   select (id, region)];
    }

    /// <summary>An indicator's value in a year as monitoring shows it (`populus indicators`, the annual report): the
    /// observed, estimated or reported figure; where there is none and the year is after the base year, the value of
    /// <paramref name="projected"/>, marked projected with its scenario; else no data with the reasons of both.</summary>
    /// <param name="indicatorId">The catalogue indicator.</param>
    /// <param name="region">A region or grouping, by name or code.</param>
    /// <param name="year">The year.</param>
    /// <param name="projected">The scenario's projected indicators for the year, or null when none was made (the base
    /// year, which the projection starts from).</param>
    public IndicatorValue Shown(string indicatorId, string region, int year, ProjectedIndicators? projected)
    {
        var value = Calculator.Compute(indicatorId, region, year);
        return value.HasValue || projected is null || year <= Model.BaseYear ? value : value.OrElse(projected.Get(indicatorId, region, year));
    }

    /// <summary>A probabilistic run of <paramref name="scenario"/> keeping the target indicators of <paramref name="regions"/>
    /// (and, unless <paramref name="pyramid"/> is false, their probabilistic pyramids where the projection gives them,
    /// with the residents of the ages each public service serves: its demand's intervals).</summary>
    /// <exception cref="InvalidInputException">The WPP extract is missing or invalid.</exception>
    public ScenarioRun RunTrajectories(Planning.Scenarios.Scenario scenario, IEnumerable<string> regions, int lastYear, int trajectories, ulong seed, int threads = 0,
        bool pyramid = true)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var list = regions.ToList();
        return ScenarioRun.Run(Model, scenario, Uncertainty, Plan.Catalogue, TargetSeries(list), lastYear, trajectories, seed, threads, pyramid ? list : null,
            pyramid ? Standards.Select(s => s.Ages) : null);
    }

    /// <summary>A probabilistic run of <paramref name="scenario"/> keeping what judging <paramref name="evaluations"/> reads
    /// (<see cref="ScenarioRun.ToJudge"/>): their probabilities as a full run gives them, without the pyramid and the other years.</summary>
    /// <exception cref="InvalidInputException">The WPP extract is missing or invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled before the run ended.</exception>
    public ScenarioRun RunToJudge(Planning.Scenarios.Scenario scenario, TargetEvaluator evaluator, IEnumerable<TargetEvaluation> evaluations, int trajectories, ulong seed,
        int threads = 0, CancellationToken cancel = default) =>
        ScenarioRun.ToJudge(Model, scenario, Uncertainty, Plan.Catalogue, evaluator, Plan.Book, evaluations, trajectories, seed, threads, cancel);

    /// <summary>The city's yearly net migration rates as residuals of its year-end populations and natural growth
    /// (<see cref="ResidualMigration"/>: the annual file's, and the published year ends' with the store's natural growth
    /// rates), for the years after the scenario model's base year (a census year: the year before it holds the census
    /// revision, not migration), and the deviation process they give; null when fewer than
    /// <see cref="ResidualMigration.MinimumYears"/> years have both figures.</summary>
    public MigrationSpreadEstimate? MigrationSpread { get; }

    /// <summary>Where the processes' spreads come from, in a sentence (for command output and the API).</summary>
    public string UncertaintySources => "TFR and e0 drawn from processes calibrated to WPP 2024's 80%/95% bounds for China, " +
        (MigrationSpread is { } own
            ? $"net migration with the city's own year-to-year spread ({(own.Process.InnovationSd * 100).ToString("0.00", CultureInfo.InvariantCulture)} points a year, " +
              $"the standard deviation of balancing-equation residuals {own.Years}, {own.Rates.Count} years)"
            : "net migration with China's (the city's annual figures do not measure its own)");

    /// <summary>The seed of a probabilistic run unless one is named, the one default of the cockpit, the annual report,
    /// evaluate and goal seeking: with the same trajectories, their probabilities are the same figures.</summary>
    public const ulong DefaultSeed = 2024;

    /// <summary>The last year of observed figures: the annual file's, or a later year end the store publishes
    /// (<see cref="PublishedYearEnds"/>). Projections are used after it, levers hold from the year after it and the
    /// trajectories part there.</summary>
    public int LastObservedYear { get; private set; }

    /// <summary>The annual file's last year: the scenario files calibrate the years to it by hand.</summary>
    private int _annualFileLastYear;

    /// <param name="store">The store: its regions and groupings, and its imported department figures, which join the observed data.</param>
    /// <param name="dataFolder">The data folder; located when null (<see cref="Scenarios.DataFolder.Locate"/>).</param>
    /// <param name="calibrateUncertainty">For a caller that will run trajectories (<see cref="Uncertainty"/>): the
    /// processes are calibrated on another thread while the plan and the model are read, instead of when first asked
    /// for (≈ 0.7 s of one core: China's deterministic projection to 2100 and four fits). A missing or invalid WPP
    /// extract is still reported when <see cref="Uncertainty"/> is asked for, and only then.</param>
    /// <exception cref="InvalidInputException">A data file is missing or invalid.</exception>
    public static PlanMonitor Load(IPopulusStore store, string? dataFolder = null, bool calibrateUncertainty = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        var folder = dataFolder ?? Populus.Storage.Scenarios.DataFolder.Locate();
        var national = new Lazy<Task<Demography.Stochastic.UncertaintyModel>>(() => Task.Run(() =>
            Wpp.WppUncertainty.Calibrate(Path.Combine(folder, "wpp"), CalibrationLocation, RegionalCorrelation).Model));
        if (calibrateUncertainty)
        {
            _ = national.Value;
        }

        var regions = PlanData.PlanningRegions.From(store);
        // The store's population counts are read while the plan and the model are (≈ 0.1–0.3 s of one core with a vintage).
        var population = Task.Run(() => PlanData.StorePopulation.Read(store.For(DataScope.All), regions));
        try
        {
            var planRegion = PlanData.PlanningRegions.PlanRegion(store);
            var plan = PlanFiles.Load(folder, regions, planRegion);
            var bases = ScenarioModelFile.StoreBase(store, folder);
            var model = ScenarioModelFile.Load(folder, bases, bases is null ? null : ScenarioModelFile.StoreBaseSource);
            // The scenario model names its city; it must be the plan's, which the store's regions decide.
            if (regions.KeyOrSelf(model.City) != planRegion)
            {
                throw new InvalidInputException(new InputError(Path.Combine(folder, "scenarios", ScenarioModelFile.ModelFile), 0, "city", model.City,
                    $"not the plan's city {regions.NameOf(planRegion)} ({planRegion}), the city whose county-level units the store holds",
                    $"不是规划城市 {regions.NameOf(planRegion)}（{planRegion}），即数据库中含县级单位的城市"));
            }

            var scenarios = ScenarioFile.Read(Path.Combine(folder, "scenarios"));
            var standards = ServiceStandardFile.Read(Path.Combine(folder, "plan", "service-demand.csv"));
            return new PlanMonitor(folder, plan, model, scenarios, standards, national, store, population.GetAwaiter().GetResult());
        }
        catch
        {
            // The caller may close the store as soon as this fails: the read ends first (its own failure is not this one's).
            Task.WhenAny(population).Wait();
            throw;
        }
    }

    /// <summary>The first year a lever holds in the scenarios <see cref="Scenario"/> gives: the year after the last observed one.</summary>
    public int LeversFrom => Math.Max(LastObservedYear, Model.BaseYear) + 1;

    /// <summary>A scenario by name, its levers holding from the year after the last observed one
    /// (<see cref="Planning.Scenarios.Scenario.LeversFrom"/>): a slider or a goal moves the years ahead, not those the
    /// scenario calibrates to the bulletins (the baseline's births, migration and urbanization of 2021–2024).</summary>
    /// <exception cref="InvalidInputException">No scenario has that name (the known ones are listed).</exception>
    public Scenario Scenario(string name) =>
        Scenarios.FirstOrDefault(s => s.Name == name)?.WithLeversFrom(LeversFrom)
        ?? throw new InvalidInputException(new InputError(Path.Combine(DataFolder, "scenarios", ScenarioFile.ListFile), 0, "scenario", name,
            $"no such scenario; known: {string.Join(", ", Scenarios.Select(s => s.Name))}"));

    /// <summary>The name of a region given by name (鹿城区, 中心城区) or GB/T 2260 code (330302), as the scenario model names regions.</summary>
    /// <exception cref="InvalidInputException">Neither a region nor a code of the store.</exception>
    public string Region(string nameOrCode) =>
        Plan.Regions.TryCodeOf(nameOrCode, out var code)
            ? Plan.Regions.NameOf(code)
            : throw new InvalidInputException(new InputError("store regions", 0, "region", nameOrCode,
                "neither a region or group of the store (e.g. 温州市, 鹿城区, 中心城区) nor its code (e.g. 330302)"));

    /// <summary>The target goal seeking solves for: the book's first target of <paramref name="indicatorId"/> in
    /// <paramref name="year"/> that has a figure.</summary>
    /// <exception cref="InvalidInputException">The indicator is not in the catalogue, or none of its targets that year has a figure (the years that have one are named).</exception>
    public PlanTarget GoalTarget(string indicatorId, int year)
    {
        ArgumentNullException.ThrowIfNull(indicatorId);
        var catalogue = Path.Combine(DataFolder, "plan", "indicator-catalogue.csv");
        if (!Plan.Catalogue.Contains(indicatorId))
        {
            throw new InvalidInputException(new InputError(catalogue, 0, "indicator", indicatorId, "not in the catalogue", "不在指标目录中"));
        }

        var withFigure = Plan.Book.For(indicatorId).Where(t => t.Rule.IsNumeric).ToList();
        var years = string.Join(", ", withFigure.Select(t => t.Year?.ToString(CultureInfo.InvariantCulture) ?? "standing").DefaultIfEmpty("none"));
        return withFigure.FirstOrDefault(t => t.Year == year)
            ?? throw new InvalidInputException(new InputError(Path.Combine(DataFolder, "plan", "plan-indicators.csv"), 0, "year",
                year.ToString(CultureInfo.InvariantCulture),
                $"{indicatorId} has no target with a figure in {year} (targets with a figure: {years})",
                $"{indicatorId} 在 {year} 年没有带数值的目标（有数值的目标年份：{years}）"));
    }

    /// <summary>
    /// Goal seeking (docs/planning.md "Goal seeking"): the level of <paramref name="lever"/>, held every year from
    /// <see cref="LeversFrom"/> to the target's, at which <paramref name="scenario"/> meets <paramref name="target"/> in
    /// <paramref name="region"/>; with <paramref name="probability"/>, at which that share of
    /// <paramref name="trajectories"/> probabilistic trajectories meets it (one seed at every level: common random
    /// numbers keep the answer smooth in the lever).
    /// </summary>
    /// <remarks>Without a probability the seek projects with <see cref="Projector"/>, which is not thread-safe: one such
    /// seek at a time, and no other use of the projector meanwhile.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The probability is not in (0, 1) or the trajectories not in 1 … 100,000.</exception>
    /// <exception cref="ArgumentException">The target is not held against the region: a count's target set for the plan's region (<see cref="TargetBook.AppliesTo"/>).</exception>
    /// <exception cref="InvalidInputException">With a probability: the WPP extract that calibrates the processes is missing or invalid.</exception>
    public GoalSeekResult SeekGoal(Scenario scenario, PlanTarget target, string region, ScenarioLever lever, double? probability = null,
        int trajectories = 1_000, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        if (!Plan.Book.IsHeldAgainst(target, region))
        {
            var (city, there) = (Plan.Regions.NameOf(Plan.Book.Region), Plan.Regions.NameOf(region));
            throw new GoalSeekRefusedException(new Reason(
                $"{target.IndicatorId} {target.Year} {target.Rule} is a target of {city}; a count's target (residents, talent, jobs) is not {there}'s, so there is no level to seek for it there",
                $"{Plan.Catalogue[target.IndicatorId].NameZh} {target.Year} 年目标 {target.Rule} 是{city}的目标；总量指标（常住人口、人才、就业）的目标不分解到{there}，无法在该地区倒推"), nameof(region));
        }

        if (probability is not { } p)
        {
            return ScenarioGoal.Seek(Projector, scenario, Plan.Catalogue, target, region, lever);
        }

        if (trajectories < 1 || trajectories > StochasticProjection.MaxTrajectories)
        {
            throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, $"must be between 1 and {StochasticProjection.MaxTrajectories:N0}");
        }

        var year = target.Year ?? throw new GoalSeekRefusedException(new Reason($"goal seeking needs a target year; {target} has none", $"目标倒推需要目标年份；{target} 没有"), nameof(target));
        var kept = new[] { (target.IndicatorId, region, year) };
        var uncertainty = Uncertainty;
        return ProbabilisticGoalSeeker.Seek(target, ScenarioGoal.Range(lever),
            level => ScenarioRun.RunKeeping(Model, scenario.With(ScenarioGoal.Levers(lever, level)), uncertainty, Plan.Catalogue, kept, trajectories, seed)
                .Values(target.IndicatorId, region, year) is var values && values.Any(double.IsNaN)
                    ? throw new GoalSeekRefusedException(ScenarioGoal.NotProjected(Plan.Catalogue[target.IndicatorId], region), nameof(target))
                    : values,
            p);
    }

    /// <summary>
    /// The city's year ends after the data folder's annual file that the store's annual sample survey publishes: the
    /// year-end residents; the year's births (the survey's count, else the bureau's birth rate over the mean of the year's
    /// start and end residents, as the annual estimates take them); the urbanization rate the bureau reports (else the
    /// survey's urban residents over all).
    /// </summary>
    private List<ObservedYearEnd> ReadPublishedYearEnds(IPopulusStore store)
    {
        if (!Plan.Regions.TryCodeOf(Model.City, out var city))
        {
            return [];
        }

        var reader = store.For(DataScope.All);
        var surveys = reader.SurveyTotals(regionCode: city).Where(s => s.Survey == Estimates.PublishedFigures.AnnualSurvey && s.Sex == "total")
            .ToDictionary(s => (s.Measure, s.Year));
        var rates = reader.Indicators(regionCode: city).Where(f => f.Indicator is "birth_rate" or "urbanization_rate")
            .GroupBy(f => (f.Indicator, f.Year)).ToDictionary(g => g.Key, g => g.First());
        var years = new List<ObservedYearEnd>();
        foreach (var year in surveys.Keys.Where(k => k.Measure == "population" && k.Year > _annualFileLastYear).Select(k => k.Year).Order())
        {
            var residents = surveys[("population", year)];
            var sources = new List<string> { residents.Provenance.SourceId };
            double? births = null;
            if (surveys.TryGetValue(("births", year), out var count))
            {
                births = count.Value;
                sources.Add(count.Provenance.SourceId);
            }
            else if (rates.TryGetValue(("birth_rate", year), out var rate) && surveys.TryGetValue(("population", year - 1), out var start))
            {
                births = rate.Value / 1000 * (start.Value + residents.Value) / 2;
                sources.Add(rate.Provenance.SourceId);
            }

            double? urban = null;
            if (rates.TryGetValue(("urbanization_rate", year), out var urbanization))
            {
                urban = urbanization.Value;
                sources.Add(urbanization.Provenance.SourceId);
            }
            else if (surveys.TryGetValue(("urban_population", year), out var urbanResidents) && residents.Value > 0)
            {
                urban = 100 * urbanResidents.Value / residents.Value;
                sources.Add(urbanResidents.Provenance.SourceId);
            }

            years.Add(new ObservedYearEnd(year, residents.Value, births, urban, string.Join(", ", sources.Distinct(StringComparer.Ordinal))));
        }

        return years;
    }

    /// <summary>The regions' year-end residents the observed figures hold (<see cref="PublishedRegionYearEnds"/>), with
    /// the city's of the year, observed or estimated.</summary>
    private List<ObservedRegionYearEnds> ReadRegionYearEnds()
    {
        var years = new List<ObservedRegionYearEnds>();
        for (var year = Model.BaseYear + 1; year <= LastObservedYear; year++)
        {
            var residents = new Dictionary<string, double>(StringComparer.Ordinal);
            var sources = new List<string>();
            foreach (var county in Model.Counties)
            {
                if (Calculator.Compute(ResidentPopulation, county.Region, year) is { Value: { } tenThousands, Provenance: { Status: DataStatus.Observed } provenance })
                {
                    residents[county.Region] = tenThousands * 10_000;
                    sources.Add(provenance.Source);
                }
            }

            if (residents.Count > 0)
            {
                var city = Calculator.Compute(ResidentPopulation, Model.City, year).Value * 10_000;
                years.Add(new ObservedRegionYearEnds(year, residents, city, string.Join("; ", sources.Distinct(StringComparer.Ordinal))));
            }
        }

        return years;
    }

    /// <summary>The annual file's balance figures with the published year ends' residents (in its 万人) and the
    /// natural growth rates the store holds for those years (the bureau's, ‰): the city's migration spread is measured
    /// again as years are published.</summary>
    private Dictionary<(string Indicator, int Year), (double Value, string Source)> BalanceWithPublished(IPopulusStore store)
    {
        var balance = new Dictionary<(string Indicator, int Year), (double Value, string Source)>(_planFigures.Balance);
        if (PublishedYearEnds.Count == 0 || !Plan.Regions.TryCodeOf(Model.City, out var city))
        {
            return balance;
        }

        var growth = store.For(DataScope.All).Indicators(NaturalGrowthRate, city).GroupBy(f => f.Year).ToDictionary(g => g.Key, g => g.First());
        foreach (var published in PublishedYearEnds)
        {
            balance[(YearEndResidents, published.Year)] = (published.Residents / 10_000, published.Source);
            if (growth.TryGetValue(published.Year, out var rate))
            {
                balance[(NaturalGrowthRate, published.Year)] = (rate.Value, rate.Provenance.SourceId);
            }
        }

        return balance;
    }

    /// <summary><paramref name="scenario"/> calibrated to <see cref="PublishedYearEnds"/> and <see cref="PublishedRegionYearEnds"/>.</summary>
    /// <exception cref="InvalidInputException">A year's figures need a level outside an assumption's range, or a county's
    /// more migrants than <see cref="ScenarioCalibration.MaxRegionMigrantShare"/>: a wrong figure.</exception>
    private Scenario CalibratedToPublished(Scenario scenario)
    {
        try
        {
            return ScenarioCalibration.To(Projector, scenario, PublishedYearEnds, PublishedRegionYearEnds);
        }
        catch (RegionCalibrationException e)
        {
            var figure = e.Observed.Residents.TryGetValue(e.Region, out var published) ? published.ToString("R", CultureInfo.InvariantCulture) : "";
            throw new InvalidInputException(new InputError($"observed figures ({ResidentPopulation} {e.Region} {e.Observed.Year}; {e.Observed.Source})", 0, "value",
                figure, e.Message, e.ReasonZh));
        }
        catch (ScenarioCalibrationException e)
        {
            // The figure the level follows from: the births for the TFR, else the year-end residents.
            var (measure, figure) = e.Assumption == ScenarioAssumption.TotalFertility && e.Observed.Births is { } births
                ? ("births", births) : ("population", e.Observed.Residents);
            throw new InvalidInputException(new InputError($"store survey_total ({Estimates.PublishedFigures.AnnualSurvey} {e.Observed.Year})", 0, measure,
                figure.ToString("R", CultureInfo.InvariantCulture), e.Message, e.ReasonZh));
        }
    }

    private const string YearEndResidents = "resident_population_yearend";
    private const string ResidentPopulation = "resident_population";
    private const string NaturalGrowthRate = "natural_growth_rate";

    /// <summary>The residual net migration rates of every year after <paramref name="baseYear"/> with both year-end
    /// counts and the year's natural growth, and their spread; null for fewer than <see cref="ResidualMigration.MinimumYears"/>.</summary>
    private static MigrationSpreadEstimate? MigrationSpreadFrom(Dictionary<(string Indicator, int Year), (double Value, string Source)> balance, int baseYear)
    {
        var years = balance.Keys.Where(k => k.Indicator == YearEndResidents).Select(k => k.Year)
            .Where(y => y - 1 >= baseYear && balance.ContainsKey((YearEndResidents, y - 1)) && balance.ContainsKey((NaturalGrowthRate, y)))
            .Order().ToList();
        if (years.Count < ResidualMigration.MinimumYears)
        {
            return null;
        }

        var rates = years.Select(y => (Year: y, Rate: ResidualMigration.Rate(balance[(YearEndResidents, y - 1)].Value, balance[(YearEndResidents, y)].Value, balance[(NaturalGrowthRate, y)].Value))).ToList();
        var sources = years.SelectMany(y => new[] { (YearEndResidents, y - 1), (YearEndResidents, y), (NaturalGrowthRate, y) })
            .Select(k => balance[k].Source).Distinct().Order(StringComparer.Ordinal).ToList();
        return new MigrationSpreadEstimate(rates, ResidualMigration.Spread([.. rates.Select(r => r.Rate)]), sources);
    }

    /// <summary>The plan's Table 6 base values, its published tables (<see cref="PlanTables"/>) and the statistics bureau's
    /// annual figures (data/wenzhou/wenzhou_annual.csv), where an indicator of the catalogue is the same measure in the
    /// same unit, and its figures of the balancing equation (<see cref="MigrationSpread"/>); sets
    /// <see cref="LastObservedYear"/> from it.</summary>
    /// <exception cref="InvalidInputException">A file is missing or a row invalid (every problem listed).</exception>
    private (IReadOnlyList<ReportedValue> Reported, IReadOnlyList<SeriesFigure> Series, IReadOnlyDictionary<(string Indicator, int Year), (double Value, string Source)> Balance) ReadPlanFigures()
    {
        var figures = new List<ReportedValue>(Plan.Book.BaseFigures);
        var city = Plan.Regions.KeyOrSelf(Model.City);
        var last = Model.BaseYear;
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["resident_population_yearend"] = "resident_population",
            ["registered_population_yearend"] = "registered_population",
            ["urbanization_rate"] = "urbanization_rate",
        };
        var balance = new Dictionary<(string Indicator, int Year), (double Value, string Source)>();
        using (var table = CsvTable.Open(Path.Combine(DataFolder, "wenzhou", "wenzhou_annual.csv"), "year", "indicator", "value", "source_id", "status"))
        {
            foreach (var r in table.Records())
            {
                var derived = r.Text("status") == "derived";
                var source = derived ? $"{r.Text("source_id")} (derived)" : r.Text("source_id") ?? "wenzhou_annual.csv";
                // Reported figures and those derived arithmetically from the bureau's own statements ("−1.0 vs 2022").
                if (r.Text("indicator") is (YearEndResidents or NaturalGrowthRate) and var balanceIndicator && r.Text("status") is "reported" or "derived"
                    && r.Integer("year", 1900, 2200) is { } balanceYear && r.Number("value") is { } figure)
                {
                    balance[(balanceIndicator, balanceYear)] = (figure, source);
                }

                if (r.Text("indicator") is { } name && map.TryGetValue(name, out var id) && r.Integer("year", 1900, 2200) is { } year && r.Text("value") is { } value)
                {
                    if (year == Model.BaseYear && Plan.Book.BaseFigures.Any(f => f.IndicatorId == id && f.Year == year && Plan.Regions.KeyOrSelf(f.Region) == city))
                    {
                        continue; // the plan's own base value stands for the base year
                    }

                    figures.Add(new ReportedValue(id, Model.City, year, value, derived ? PlanProvenance.Estimated(source) : PlanProvenance.Observed(source)));
                    last = Math.Max(last, year);
                }
            }

            table.ThrowIfInvalid();
        }

        (_annualFileLastYear, LastObservedYear) = (last, last);
        var series = new List<SeriesFigure>();
        foreach (var name in PlanTables)
        {
            ReadPlanTable(Path.Combine(DataFolder, "plan", "tables", name), figures, series);
        }

        return (figures, series, balance);
    }

    /// <summary>
    /// One of the plan's published tables (region, year, indicator, value, unit, source): a data series' rows (GDP in
    /// 亿元, employed persons in 万人) as the series in its own unit, an indicator's rows as its reported figure in the
    /// catalogue's unit, each observed with the table and the department it prints as source. The base year's figure
    /// of an indicator with a Table 6 base value is that value (Table 4's 2020 rate is the base 37.85).
    /// </summary>
    private void ReadPlanTable(string path, List<ReportedValue> figures, List<SeriesFigure> series)
    {
        using var table = CsvTable.Open(path, "region", "year", "indicator", "value", "unit", "source");
        foreach (var r in table.Records())
        {
            if (r.RequiredText("region") is not { } region || r.Integer("year", 1900, 2200) is not { } year || r.RequiredText("indicator") is not { } indicator
                || r.Number("value") is not { } value || r.RequiredText("unit") is not { } unit || r.RequiredText("source") is not { } source)
            {
                continue;
            }

            if (!Plan.Regions.TryCodeOf(region, out var code))
            {
                r.Fail("region", region, new Reason("not a region of the store", "不是数据库中的地区"));
                continue;
            }

            var provenance = PlanProvenance.Observed($"plan {source}");
            if (ScalarSeries.IsKnown(indicator))
            {
                if (PlanData.StoredIndicators.InSeriesUnit(value, unit, indicator) is { } inUnit)
                {
                    series.Add(new SeriesFigure(indicator, code, year, inUnit, provenance));
                }
                else
                {
                    r.Fail("unit", unit, new Reason($"not a unit of the series {indicator} ({ScalarSeries.Units[indicator]})", $"不是{ScalarSeries.NameZh(indicator)}的单位（{ScalarSeries.Units[indicator]}）"));
                }
            }
            else if (!Plan.Catalogue.Contains(indicator))
            {
                r.Fail("indicator", indicator, new Reason("neither an indicator of the catalogue nor a data series", "既不是指标目录中的指标，也不是数据序列"));
            }
            else if (!string.Equals(unit, Plan.Catalogue[indicator].Unit, StringComparison.OrdinalIgnoreCase))
            {
                r.Fail("unit", unit, new Reason($"not the catalogue's unit of {indicator} ({Plan.Catalogue[indicator].Unit})", $"不是指标目录中{indicator}的单位（{Plan.Catalogue[indicator].Unit}）"));
            }
            else if (!Plan.Book.BaseFigures.Any(f => f.IndicatorId == indicator && f.Year == year && Plan.Regions.KeyOrSelf(f.Region) == code))
            {
                figures.Add(new ReportedValue(indicator, code, year, r.Text("value")!, provenance));
            }
        }

        table.ThrowIfInvalid();
    }

    /// <summary>The observed data: the plan's figures, then the departments' figures and the store's population for
    /// what those leave open; swapped in whole, so a computation that began before keeps the data it began with.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Observed), nameof(Calculator))]
    private void LoadObserved(IPopulusStore store, PlanData.StorePopulation population)
    {
        var observed = new InMemoryIndicatorData(Plan.Catalogue);
        foreach (var figure in _planFigures.Reported)
        {
            observed.AddReported(figure);
        }

        foreach (var figure in _planFigures.Series)
        {
            observed.AddSeries(figure.Name, figure.Region, figure.Year, figure.Value, figure.Provenance);
        }

        // The departments' figures, read in one statement (not one per catalogue entry): an indicator's in place of the
        // plan's unless the plan's stands higher (an observation before an estimate), a data series' (the bureau's GDP
        // of the years after Table 1) where the plan gives none.
        foreach (var f in store.For(DataScope.All).Indicators())
        {
            if (!Plan.Regions.TryCodeOf(f.RegionCode, out var code))
            {
                continue;
            }

            var provenance = f.Provenance.Kind == Populus.Storage.FigureKind.Observed ? PlanProvenance.Observed(f.Provenance.SourceId) : PlanProvenance.Estimated(f.Provenance.SourceId);
            if (Plan.Catalogue.Contains(f.Indicator) && Plan.Catalogue[f.Indicator] is var entry && entry.AppliesTo(code)
                && PlanData.StoredIndicators.InCatalogueUnit(f.Value, f.Unit, entry.Unit) is { } value
                && !(observed.Reported(entry.Id, code, f.Year) is { HasValue: true } held && held.Provenance!.Status < provenance.Status))
            {
                observed.AddReported(new ReportedValue(entry.Id, f.RegionCode, f.Year, value.ToString("R", CultureInfo.InvariantCulture), provenance));
            }
            else if (PlanData.StoredIndicators.InSeriesUnit(f.Value, f.Unit, f.Indicator) is { } inUnit && !observed.Series(f.Indicator, code, f.Year).HasValue)
            {
                observed.AddSeries(f.Indicator, code, f.Year, inUnit, provenance);
            }
        }

        // The graduates and talent intake counted from the departments' records (indicators 11 and 8).
        PlanData.TalentIndicators.AddTo(observed, store.Services.Graduates(), store.Services.TalentIntake(), Model.City);

        // The counties' (and the province's other cities') census tables, estimates and year-end totals, where the figures above leave a year open.
        population.AddTo(observed);

        Observed = observed;
        Calculator = new IndicatorCalculator(Plan.Catalogue, observed);
    }
}
