using System.Globalization;
using Populus.Demography;
using Populus.Demography.Preparation;
using Populus.Demography.Projection;
using Populus.Storage.Projections;
using Populus.Storage.Tabular;

namespace Populus.Storage.Inputs;

/// <summary>Projects an input bundle (docs/inputs.md): every region in annual steps from 1 January of the base year, with internal migration between regions when od_migration.csv is given.</summary>
/// <remarks>
/// The rates of calendar year t (held from the latest year given) drive the step t → t+1: abridged death rates and
/// five-year fertility are graduated to single years, life tables follow WPP 2024's conventions
/// (<see cref="LifeTableConventions.Wpp2024"/>), net migrants arrive evenly over the year (half at the start, half at
/// the end), and the origin–destination rates are the probabilities that a survivor of the step ends it in the
/// destination region ([Rogers1995]).
/// </remarks>
public static class BundleProjection
{
    public const MigrationTiming Timing = MigrationTiming.HalfHalf;

    /// <summary>What a projection of a bundle needs: its regions, their assumptions and base populations, and the
    /// internal migration in force in each step.</summary>
    /// <param name="States">One state a region.</param>
    /// <param name="Regions">The region codes, in state order.</param>
    /// <param name="Assumptions">Each region's assumptions.</param>
    /// <param name="BasePopulation">Each region's population on 1 January of the base year.</param>
    /// <param name="Transitions">The transitions of step k (from 1 January from + k), or null when none are in force.</param>
    public sealed record Setup(
        StateSpace States,
        IReadOnlyList<string> Regions,
        IReadOnlyList<RegionAssumptions> Assumptions,
        IReadOnlyList<PopulationByAgeSex> BasePopulation,
        Func<int, IEnumerable<StateTransitions>?> Transitions);

    /// <summary>Projects from 1 January <paramref name="from"/> to 1 January <paramref name="to"/>.</summary>
    /// <exception cref="InvalidInputException">A file is missing or invalid, or a region's rates start after <paramref name="from"/>.</exception>
    public static ProjectionRun Run(string folder, int from, int to)
    {
        var setup = Prepare(folder, from, to);
        var prepared = new List<IReadOnlyList<PreparedRates>>();
        IReadOnlyList<ProjectionStep> steps;
        try
        {
            steps = StepRatePreparation.Steps(setup.Assumptions, from, to - from, Timing, setup.Transitions, prepared);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException(new InputError(folder, 0, null, null, $"the inputs cannot be turned into projection rates: {ex.Message}"));
        }

        var engine = new CohortComponentProjection(setup.States, setup.Assumptions[0].Ages);
        var result = engine.Project(from, setup.BasePopulation, steps);
        return new ProjectionRun("region", setup.Regions, result, prepared, "1 January", "the unit of the inputs");
    }

    /// <summary>Reads a bundle and builds the assumptions of every region for steps from 1 January <paramref name="from"/> to 1 January <paramref name="to"/>.</summary>
    /// <exception cref="InvalidInputException">A file is missing or invalid, or a region's rates start after <paramref name="from"/>.</exception>
    public static Setup Prepare(string folder, int from, int to)
    {
        if (to <= from)
        {
            throw new InvalidInputException(new InputError("--to", 0, null, to.ToString(CultureInfo.InvariantCulture), $"must be after --from {from}"));
        }

        var inputs = ProjectionInputReader.Read(folder);
        RequireRatesFrom(inputs, folder, from);
        var ages = inputs.BasePopulation[inputs.Regions[0]].Ages;
        var states = StateSpace.Regions(inputs.Regions);
        try
        {
            var regions = inputs.Regions.Select(r => Assumptions(inputs, r, ages, from, to)).ToArray();
            var transitions = Transitions(inputs, states, ages);
            return new Setup(states, inputs.Regions, regions, [.. inputs.Regions.Select(r => inputs.BasePopulation[r])], k => InForce(transitions, from + k));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException(new InputError(folder, 0, null, null, $"the inputs cannot be turned into projection rates: {ex.Message}"));
        }
    }

    private static void RequireRatesFrom(ProjectionInputs inputs, string folder, int from)
    {
        var errors = new List<InputError>();
        void Check<T>(string file, string region, YearSeries<T> series)
            where T : class
        {
            if (series.Years[0] > from)
            {
                errors.Add(new InputError(Path.Combine(folder, file), 0, "year", series.Years[0].ToString(CultureInfo.InvariantCulture),
                    $"region {region}: the first year given is after the base year {from}; give rates for {from} or earlier"));
            }
        }

        foreach (var region in inputs.Regions)
        {
            Check("mortality.csv", region, inputs.Mortality[(region, Sex.Male)]);
            Check("mortality.csv", region, inputs.Mortality[(region, Sex.Female)]);
            Check("fertility.csv", region, inputs.Fertility[region]);
            Check("srb.csv", region, inputs.SexRatioAtBirth[region]);
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }

    private static RegionAssumptions Assumptions(ProjectionInputs inputs, string region, AgeGroups ages, int from, int to)
    {
        ScheduleTrajectory<DeathRates> Mortality(Sex sex)
        {
            var series = inputs.Mortality[(region, sex)];
            return ScheduleTrajectory.Mortality(series.Years.Select(y => new KeyValuePair<double, DeathRates>(y, series.At(y)!)), TrajectoryMode.Step);
        }

        AnnualCounts? Migrants(Sex sex) => inputs.NetMigration.TryGetValue((region, sex), out var series)
            ? new AnnualCounts(ages, Enumerable.Range(from, to - from).Select(y => new KeyValuePair<int, double[]>(y, series.At(y)?.ToArray() ?? new double[ages.Count])))
            : null;

        var fertility = inputs.Fertility[region];
        var srb = inputs.SexRatioAtBirth[region];
        return new RegionAssumptions
        {
            Ages = ages,
            MaleMortality = Mortality(Sex.Male),
            FemaleMortality = Mortality(Sex.Female),
            Fertility = ScheduleTrajectory.Fertility(fertility.Years.Select(y => new KeyValuePair<double, FertilityRates>(y, fertility.At(y)!)), TrajectoryMode.Step),
            SexRatioAtBirth = new Trajectory(srb.Years.Select(y => new KeyValuePair<double, double>(y, srb.At(y)!.Value.MalesPerFemale)), TrajectoryMode.Step),
            MaleLifeTable = LifeTableConventions.Wpp2024(Sex.Male),
            FemaleLifeTable = LifeTableConventions.Wpp2024(Sex.Female),
            MaleMigrants = Migrants(Sex.Male),
            FemaleMigrants = Migrants(Sex.Female),
        };
    }

    /// <summary>One set of transitions for each year of od_migration.csv; a year's table holds until the next year given.</summary>
    private static SortedList<int, StateTransitions> Transitions(ProjectionInputs inputs, StateSpace states, AgeGroups ages)
    {
        var result = new SortedList<int, StateTransitions>();
        foreach (var byYear in inputs.OriginDestination.GroupBy(r => r.Year))
        {
            var pairs = new List<Transition>();
            foreach (var pair in byYear.GroupBy(r => (r.Origin, r.Destination)))
            {
                var male = new double[ages.Count];
                var female = new double[ages.Count];
                foreach (var r in pair)
                {
                    (r.Sex == Sex.Male ? male : female)[r.Age] = r.Rate;
                }

                pairs.Add(new Transition(states.IndexOf(pair.Key.Origin), states.IndexOf(pair.Key.Destination), new TransitionSchedule(ages, male, female)));
            }

            result[byYear.Key] = new StateTransitions($"internal migration {byYear.Key}", states, ages, TransitionKind.Rates, pairs);
        }

        return result;
    }

    private static IEnumerable<StateTransitions>? InForce(SortedList<int, StateTransitions> transitions, int year)
    {
        StateTransitions? current = null;
        foreach (var (y, t) in transitions)
        {
            if (y <= year)
            {
                current = t;
            }
        }

        return current is null ? null : [current];
    }
}
