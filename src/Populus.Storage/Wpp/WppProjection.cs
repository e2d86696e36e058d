using System.Globalization;
using Populus.Demography;
using Populus.Demography.Preparation;
using Populus.Demography.Projection;
using Populus.Storage.Projections;
using Populus.Storage.Tabular;

namespace Populus.Storage.Wpp;

/// <summary>Projects one WPP 2024 location from its published inputs (docs/methods.md "Projection from UN WPP 2024 inputs").</summary>
public static class WppProjection
{
    /// <summary>
    /// The step's net migrants join at its end, unexposed. WPP projects 1 January to 1 January adding each calendar
    /// year's migrants at the end of its step (ccmppWPP's medium-variant inputs set <c>mig_assumption = "end"</c>), and
    /// publishes the 1 July population as the mean of the two 1 January populations around it; a 1 July to 1 July step
    /// then receives, at the end and by the same age, the mean of the two calendar years' migrants, which is what
    /// <see cref="Demography.Preparation.AnnualCounts.Over"/> gives for the step (docs/methods.md).
    /// </summary>
    public const MigrationTiming Timing = MigrationTiming.End;

    /// <summary>Projects <paramref name="locationCode"/> from 1 July <paramref name="from"/> to 1 July <paramref name="to"/> in annual steps.</summary>
    /// <exception cref="InvalidInputException">The extract is missing or invalid, or lacks an input the years need.</exception>
    public static ProjectionRun Run(string folder, int locationCode, int from, int to)
    {
        if (to <= from)
        {
            throw new InvalidInputException(new InputError("--to", 0, null, to.ToString(CultureInfo.InvariantCulture), $"must be after --from {from}"));
        }

        return Run(WppReader.Read(folder, locationCode), folder, from, to);
    }

    /// <summary>Projects a location already read from <paramref name="folder"/> (named in error messages).</summary>
    /// <exception cref="InvalidInputException">The location lacks an input the years need, or <paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static ProjectionRun Run(WppLocation location, string folder, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(location);
        var locationCode = location.LocationCode;
        if (to <= from)
        {
            throw new InvalidInputException(new InputError("--to", 0, null, to.ToString(CultureInfo.InvariantCulture), $"must be after --from {from}"));
        }

        var basePopulation = WppProjectionSetup.BasePopulation(location, folder, from);
        var assumptions = WppProjectionSetup.Assumptions(location, folder, from, to);
        var prepared = new List<IReadOnlyList<PreparedRates>>();
        IReadOnlyList<ProjectionStep> steps;
        try
        {
            steps = StepRatePreparation.Steps([assumptions], WppProjectionSetup.MidYear(from), to - from, Timing, prepared: prepared);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException(new InputError(folder, 0, "location_code", locationCode.ToString(CultureInfo.InvariantCulture),
                $"the inputs cannot be turned into projection rates: {ex.Message}"));
        }

        var engine = new CohortComponentProjection(StateSpace.Single(location.LocationName), WppLocation.SingleAges, maxDegreeOfParallelism: 1);
        var result = engine.Project(from, [basePopulation], steps);
        return new ProjectionRun("location_code", [locationCode.ToString(CultureInfo.InvariantCulture)], result, prepared, "1 July", "thousands");
    }
}
