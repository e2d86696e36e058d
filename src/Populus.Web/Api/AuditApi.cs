using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Web.Formats;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>The append-only audit log, for auditors. There is deliberately no endpoint that changes or removes an entry.</summary>
internal static class AuditApi
{
    /// <summary>How many entries the filter selects over all pages.</summary>
    public const string TotalHeader = "X-Total-Count";

    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        group.MapGet("/", Read).WithName("ReadAuditLog")
            .WithSummary("Audit entries newest first: who, what, when and the stated purpose. ?account=&action=&from=&to= (UTC days) " +
                         "&before= (an entry's id: older ones) &limit= (1–10,000, default 500) &format=csv; header X-Total-Count: entries the filter selects; " +
                         "Link rel=\"next\": the next page when older entries follow.");
    }

    internal static Results<Ok<IReadOnlyList<AuditEntry>>, ContentHttpResult> Read(string? account, string? action, DateOnly? from, DateOnly? to, long? before,
        int? limit, HttpContext context, IPopulusStore store)
    {
        var page = store.Accounts.ReadAudit(new AuditFilter(Given(account), Given(action), from, to), before, limit ?? 500);
        context.Response.Headers[TotalHeader] = page.Total.ToString(CultureInfo.InvariantCulture);
        if (page.More)
        {
            // The same query, older than this page's last entry (RFC 8288 link).
            var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
            query["before"] = page.Entries[^1].Id.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{QueryString.Create(query)}>; rel=\"next\"";
        }

        return OutputFormat.Rows(context.Request, page.Entries);
    }

    /// <summary>An empty filter field (a form left blank) filters nothing.</summary>
    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
