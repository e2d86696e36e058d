using Microsoft.AspNetCore.Http.HttpResults;

namespace Populus.Web.Formats;

/// <summary>JSON by default; CSV with ?format=csv or "Accept: text/csv"; SDMX-CSV with ?format=sdmx-csv where offered.</summary>
internal static class OutputFormat
{
    public const string Json = "json";
    public const string Csv = "csv";
    public const string SdmxCsv = "sdmx-csv";

    public static string Of(HttpRequest request)
    {
        if (request.Query["format"].ToString() is { Length: > 0 } asked)
        {
            return asked.ToLowerInvariant();
        }

        var accept = request.Headers.Accept.ToString();
        if (accept.Contains("application/vnd.sdmx.data+csv", StringComparison.OrdinalIgnoreCase))
        {
            return SdmxCsv;
        }

        return accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? Csv : Json;
    }

    /// <summary>The rows as JSON or CSV, as the request asks.</summary>
    public static Results<Ok<IReadOnlyList<T>>, ContentHttpResult> Rows<T>(HttpRequest request, IReadOnlyList<T> rows) =>
        Of(request) == Csv
            ? TypedResults.Text(CsvText.Write(rows), CsvText.ContentType)
            : TypedResults.Ok(rows);

    /// <summary><see cref="Rows{T}"/> for an endpoint that may also answer with a problem (a bad parameter, a region
    /// outside the account's scope).</summary>
    public static Results<Ok<IReadOnlyList<T>>, ContentHttpResult, ProblemHttpResult> RowsOrProblem<T>(HttpRequest request, IReadOnlyList<T> rows) =>
        Rows(request, rows).Result switch
        {
            Ok<IReadOnlyList<T>> ok => ok,
            ContentHttpResult text => text,
            _ => throw new InvalidOperationException("Rows answers JSON or CSV."),
        };
}
