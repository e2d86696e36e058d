using System.Globalization;
using Populus.Planning.Catalogue;

namespace Populus.Planning.Data;

/// <summary>What a reported figure must satisfy before it is stored: a catalogue indicator, a listed region and a
/// year in range. Shared by every <see cref="IIndicatorData"/> implementation that accepts reported figures.</summary>
public static class ReportedFigureRules
{
    /// <returns>Every problem (empty when the figure is acceptable).</returns>
    public static IReadOnlyList<CatalogueError> Check(ReportedValue figure, IndicatorCatalogue catalogue, int firstYear, int lastYear, string source)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<CatalogueError>();
        var entry = $"figure {figure.IndicatorId} / {figure.Region} / {figure.Year.ToString(CultureInfo.InvariantCulture)}";
        if (!catalogue.Contains(figure.IndicatorId))
        {
            errors.Add(new CatalogueError(source, entry, "indicator", figure.IndicatorId, "not an indicator of the catalogue"));
        }

        if (!catalogue.Regions.Contains(figure.Region))
        {
            errors.Add(new CatalogueError(source, entry, "region", figure.Region, "not a listed region"));
        }

        if (figure.Year < firstYear || figure.Year > lastYear)
        {
            errors.Add(new CatalogueError(source, entry, "year", figure.Year.ToString(CultureInfo.InvariantCulture), $"outside the years accepted, {firstYear}–{lastYear}"));
        }

        return errors;
    }
}
