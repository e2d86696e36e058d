using Populus.Storage;
using Populus.Storage.Services;

namespace Populus.Services.Talent;

/// <summary>
/// Talent retention by intake cohort (人才引进留温、离温监测, plan chapter 4 (二)): of the people taken in during year
/// Y, how many are still in the city after 1, 3 and 5 years, how many left, and how many cannot yet be told.
/// </summary>
/// <remarks>
/// A person is "left" at intake + k years if their departure is on or before that day; "still local" if not departed
/// by then and last observed on or after it; otherwise "not known" (censored: not observed that long yet). The
/// retention rate is still local / (still local + left), over the persons whose status is known; the censored count
/// is reported beside it rather than guessed.
/// </remarks>
public static class CohortRetention
{
    public static readonly IReadOnlyList<int> DefaultHorizons = [1, 3, 5];

    /// <summary>Why <paramref name="category"/> selects no talent category (A–F); null when it is one, or none is given
    /// (an unknown one would select nobody and read as an empty cohort table).</summary>
    public static Planning.Data.Reason? CategoryProblem(string? category) =>
        Code(category) is null or "A" or "B" or "C" or "D" or "E" or "F" ? null
            : new($"'{category}': a talent category A to F.", $"“{category}”：人才类别应为 A–F");

    /// <summary>A category as asked for, in either case and with spaces around it; null when none is given.</summary>
    private static string? Code(string? category) => string.IsNullOrWhiteSpace(category) ? null : category.Trim().ToUpperInvariant();

    /// <summary>The years after intake asked for (<c>--after</c>, <c>?after=</c>): whole years from 1 to
    /// <see cref="MaxHorizon"/>, separated by commas, each once; none given: <see cref="DefaultHorizons"/>. Else null and why
    /// (0 years after intake is the intake itself, where everyone is still local by definition).</summary>
    public static (IReadOnlyList<int>? Horizons, Planning.Data.Reason? Problem) Horizons(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DefaultHorizons, null);
        }

        var horizons = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var years) || years is < 1 or > MaxHorizon)
            {
                return (null, new($"'{part}': whole years from 1 to {MaxHorizon}, separated by commas (e.g. 1,3,5).", $"“{part}”：应为 1–{MaxHorizon} 的整年数，以逗号分隔（如 1,3,5）"));
            }

            if (horizons.Contains(years))
            {
                return (null, new($"'{part}': named twice; give each number of years once (e.g. 1,3,5).", $"“{part}”：重复；每个年数只写一次（如 1,3,5）"));
            }

            horizons.Add(years);
        }

        return (horizons, null);
    }

    /// <summary>The longest horizon asked for, in years: a career's length, beyond any record the city keeps.</summary>
    public const int MaxHorizon = 50;

    /// <param name="category">A talent category (A–F, either case) to restrict to; null or blank for all.</param>
    public static IReadOnlyList<CohortRow> Compute(IReadOnlyList<TalentIntakeRecord> intake, IReadOnlyList<int>? horizons = null, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(intake);
        horizons ??= DefaultHorizons;
        category = Code(category);
        return [.. intake.Where(p => category is null || p.Category == category).GroupBy(p => p.Year).OrderBy(g => g.Key).Select(cohort =>
            new CohortRow(cohort.Key, category ?? "all", cohort.Count(), cohort.Count(p => p.Graduate),
                RecordBatch.Of(cohort.Select(p => (p.Batch, p.Provenance.SourceId))), cohort.Any(p => p.Provenance.Kind != FigureKind.Observed), [.. horizons.Select(k =>
            {
                int local = 0, left = 0, unknown = 0;
                foreach (var p in cohort)
                {
                    var at = p.IntakeDate.AddYears(k);
                    if (p.DepartedOn is { } d && d <= at)
                    {
                        left++;
                    }
                    else if (p.ObservedUntil >= at)
                    {
                        local++;
                    }
                    else
                    {
                        unknown++;
                    }
                }

                return new CohortStatus(k, local, left, unknown, local + left == 0 ? null : 100.0 * local / (local + left));
            })]))];
    }
}

/// <summary>One intake cohort: its size, graduates among it, and the status after each horizon.</summary>
/// <param name="Batches">The import batches the cohort's records came in.</param>
/// <param name="Estimated">True when some records are not observed (estimated or projected).</param>
public sealed record CohortRow(int IntakeYear, string Category, int Intake, int Graduates, IReadOnlyList<RecordBatch> Batches, bool Estimated,
    IReadOnlyList<CohortStatus> After);

/// <summary>Status after <paramref name="Years"/>: still local (留温), left (离温), not yet known; rate over the known, null when none is known.</summary>
public sealed record CohortStatus(int Years, int StillLocal, int Left, int NotKnown, double? RetainedPercent);
