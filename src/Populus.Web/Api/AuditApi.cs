using Microsoft.AspNetCore.Http.HttpResults;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Web.Formats;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>The append-only audit log, for auditors. There is deliberately no endpoint that changes or removes an entry.</summary>
internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        group.MapGet("/", Read).WithName("ReadAuditLog")
            .WithSummary("Audit entries newest first: who, what, when and the stated purpose. ?account=&action=&limit=&format=csv");
    }

    internal static Results<Ok<IReadOnlyList<AuditEntry>>, ContentHttpResult> Read(string? account, string? action, int? limit, HttpRequest request, IPopulusStore store) =>
        OutputFormat.Rows(request, store.Accounts.ReadAudit(limit ?? 500, account, action));
}
