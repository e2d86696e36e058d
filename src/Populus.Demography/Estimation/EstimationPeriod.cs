using System.Collections.Immutable;

namespace Populus.Demography.Estimation;

/// <summary>
/// One period of an annual estimate (from the previous reference date to the end of <see cref="Year"/>) with what was
/// published about it. Every figure is optional: a missing one is replaced by the documented fallback.
/// </summary>
/// <param name="Year">The calendar year whose end closes the period.</param>
/// <param name="Length">The period's length in years (1 for a calendar year; 61/365 for 1 November to 31 December).</param>
/// <param name="EndTotal">The published population of the whole at the period's end (the annual sample survey), or null.</param>
/// <param name="Births">Published live births of the period, or null.</param>
/// <param name="BirthRate">Published crude birth rate, per 1,000 mean population a year, used when <paramref name="Births"/> is null.</param>
/// <param name="Deaths">Published deaths of the period, or null.</param>
/// <param name="DeathRate">Published crude death rate, per 1,000 mean population a year, used when <paramref name="Deaths"/> is null.</param>
/// <param name="RegionEndTotals">Published end populations of some regions (by region name), to calibrate to.</param>
/// <param name="Note">What a reader should know about the published figures (e.g. that the end population is itself derived), or null.</param>
public sealed record EstimationPeriod(
    int Year,
    double Length,
    double? EndTotal,
    double? Births,
    double? BirthRate,
    double? Deaths,
    double? DeathRate,
    ImmutableDictionary<string, double> RegionEndTotals,
    string? Note = null);
