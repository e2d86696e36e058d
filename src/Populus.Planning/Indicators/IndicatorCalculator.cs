using System.Globalization;
using Populus.Planning.Catalogue;
using Populus.Planning.Data;
using Populus.Planning.Formulas;

namespace Populus.Planning.Indicators;

/// <summary>Values of catalogue indicators for any region (or grouping) and year, from <see cref="IIndicatorData"/>.</summary>
/// <remarks>
/// A computed indicator is evaluated by its formula. When its inputs are missing, a reported figure for the same
/// indicator, region and year stands in (basis <see cref="ValueBasis.Reported"/>, with the reason the computation
/// failed in <see cref="IndicatorValue.Note"/>); so does a report where the computed value rests on estimated or
/// projected data and the report stands as high (observed, then estimated, then projected): an observation comes before
/// an estimate of the same figure (a county's published year-end residents before the annual estimates' sum of its
/// single ages), and a source's own estimate before one of ours, the computed value named in the note. A reported
/// indicator takes the reported figure. Otherwise the value is 'no data' with every reason: nothing is skipped silently.
/// </remarks>
public sealed class IndicatorCalculator
{
    private readonly RegionalData _data;
    private readonly FormulaEvaluator _evaluator;

    public IndicatorCalculator(IndicatorCatalogue catalogue, IIndicatorData data)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(data);
        Catalogue = catalogue;
        _data = new RegionalData(data, catalogue.Regions);
        _evaluator = new FormulaEvaluator(_data);
    }

    public IndicatorCatalogue Catalogue { get; }

    /// <exception cref="KeyNotFoundException">The indicator is not in the catalogue.</exception>
    /// <param name="indicatorId">The catalogue id.</param>
    /// <param name="region">A region's code or Chinese name (values carry the code).</param>
    /// <param name="year">The year.</param>
    public IndicatorValue Compute(string indicatorId, string region, int year)
    {
        var entry = Catalogue[indicatorId];
        region = Catalogue.Regions.KeyOrSelf(region);
        if (!entry.AppliesTo(region))
        {
            return IndicatorValue.NoData(indicatorId, region, year, new(
                $"{entry.Id} applies to {Describe(entry.Regions, ", ", "regions")}, not to {Catalogue.Regions.NameOf(region)}",
                $"该指标适用于{Describe(entry.Regions, "、", "个地区")}，不适用于{Catalogue.Regions.NameOf(region)}"));
        }

        return ComputeAnywhere(entry, region, year);
    }

    /// <summary>Without the applicability check: for comparisons with the province and its other cities.</summary>
    internal IndicatorValue ComputeAnywhere(IndicatorEntry entry, string region, int year)
    {
        region = Catalogue.Regions.KeyOrSelf(region);
        var indicatorId = entry.Id;
        Reason? computeFailure = null;
        if (entry.Formula is { } formula)
        {
            var computed = _evaluator.Evaluate(formula, region, year);
            if (computed.HasValue)
            {
                var provenance = computed.Provenance!;
                if (provenance.Status != DataStatus.Observed && _data.Source.Reported(indicatorId, region, year) is { HasValue: true } report
                    && report.Value.Provenance.Status <= provenance.Status)
                {
                    var value = computed.Value.ToString("G6", CultureInfo.InvariantCulture);
                    return IndicatorValue.Of(indicatorId, region, year, report.Value.Value, report.Value.Provenance, ValueBasis.Reported, new Reason(
                        $"{report.Value.Provenance.Status.ToString().ToLowerInvariant()} figure used; computed from {provenance.Status.ToString().ToLowerInvariant()} data ({provenance.Source}): {value}",
                        $"采用{Zh(report.Value.Provenance.Status)}值；由{Zh(provenance.Status)}数据（{provenance.Source}）计算为 {value}"));
                }

                return IndicatorValue.Of(indicatorId, region, year, computed.Value, provenance, ValueBasis.Computed);
            }

            computeFailure = computed.MissingReason;
        }

        var reported = _data.Source.Reported(indicatorId, region, year);
        if (reported.HasValue)
        {
            var note = computeFailure is null ? null
                : new Reason($"computed value unavailable ({computeFailure.English}); reported figure used", $"无法计算（{computeFailure.Chinese}），采用报送值");
            return IndicatorValue.Of(indicatorId, region, year, reported.Value.Value, reported.Value.Provenance, ValueBasis.Reported, note);
        }

        var notReported = entry.Kind == IndicatorKind.Reported
            ? new Reason($"no figure reported{(entry.Department is { } d ? " by " + d : "")}", entry.Department is { } dz ? $"报送部门（{dz}）未报送数值" : "未报送数值")
            : new Reason("no reported figure either", "也没有报送值");
        // A source that simply holds no report says so in words that only repeat the region and year the note is about.
        var reportedReason = reported.MissingReason == MissingData.Reported(indicatorId, Catalogue.Regions.NameOf(region), year)
            ? notReported
            : notReported.Because(reported.MissingReason!);
        return IndicatorValue.NoData(indicatorId, region, year, computeFailure is null ? reportedReason : computeFailure.And(reportedReason));
    }

    private static string Zh(DataStatus status) => status switch
    {
        DataStatus.Observed => "观测",
        DataStatus.Estimated => "估计",
        _ => "预测",
    };

    /// <summary>The formula's value only (no reported stand-in), for consistency checks and projected data.</summary>
    /// <exception cref="InvalidOperationException">The indicator is reported, so has no formula.</exception>
    public DataResult<double> Recompute(string indicatorId, string region, int year)
    {
        var entry = Catalogue[indicatorId];
        if (entry.Formula is not { } formula)
        {
            throw new InvalidOperationException($"{indicatorId} is reported by {entry.Department}; it has no formula to recompute.");
        }

        return Recompute(formula, Catalogue.Regions.KeyOrSelf(region), year);
    }

    /// <summary><see cref="Recompute(string, string, int)"/> of a formula already found, for a region by its key
    /// (<see cref="RegionRegistry.KeyOrSelf"/>): a probabilistic run evaluates the same few for each trajectory.</summary>
    internal DataResult<double> Recompute(Formula formula, string regionKey, int year) => _evaluator.Evaluate(formula, regionKey, year);

    /// <summary>The reported figure for an indicator, region and year.</summary>
    public DataResult<ReportedValue> Reported(string indicatorId, string region, int year) =>
        _data.Source.Reported(indicatorId, Catalogue.Regions.KeyOrSelf(region), year);

    /// <summary>Values for consecutive years.</summary>
    public IReadOnlyList<IndicatorValue> Series(string indicatorId, string region, int firstYear, int lastYear) =>
        [.. Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => Compute(indicatorId, region, y))];

    /// <summary>Up to three regions by name, else how many: "温州市, 鹿城区", "12 regions".</summary>
    private string Describe(IReadOnlySet<string> regions, string separator, string many) =>
        regions.Count <= 3 ? string.Join(separator, regions.Select(Catalogue.Regions.NameOf)) : $"{regions.Count} {many}";
}
