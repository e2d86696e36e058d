using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;
using Populus.Web.Hosting;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Api;

/// <summary>
/// File uploads into the store through its Import (all rows or none): the answer is the validation report with every
/// problem (file, row, column, value, reason). A data provider may upload only its own kinds and sees only its own
/// attempts.
/// </summary>
internal static class ImportsApi
{
    /// <summary>Largest file accepted (a county's single-year census table is far below this).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly string[] Extensions = [".csv", ".xlsx", ".parquet"];

    public static void MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization(Policies.Import);
        group.MapGet("/kinds", Kinds).WithName("ListImportKinds").WithSummary("The import kinds this account may upload, with their required columns.");
        group.MapGet("/", Attempts).WithName("ListImports").WithSummary("Uploads newest first with their validation reports (a provider: its own).");
        group.MapPost("/{kind}", Upload).WithName("UploadImport").DisableAntiforgery()
            .WithSummary("Uploads one CSV/XLSX/Parquet file (multipart field 'file'; optional 'batch', 'figureKind', 'source') as one all-or-nothing batch.")
            .Accepts<IFormFile>("multipart/form-data");
        group.MapGet("/batches", Batches).WithName("ListImportBatches").WithSummary("Every batch stored, the withdrawn ones with who withdrew them, when and why.");
        group.MapPost("/batches/{batch}/withdraw", Withdraw).WithName("WithdrawImportBatch")
            .WithSummary("Withdraws a batch of figures found wrong (administrator): its figures are deleted, the batch keeps who, when and why.");
    }

    internal static Ok<IReadOnlyList<ImportBatch>> Batches(IPopulusStore store) => TypedResults.Ok(store.Batches());

    /// <summary>A batch of figures found wrong, withdrawn by an administrator with the reason; the cockpit reads the store
    /// again, as after an import, and the audit log records it.</summary>
    internal static Results<Ok<WithdrawnBatch>, ProblemHttpResult> Withdraw(string batch, WithdrawRequest request, ClaimsPrincipal user, IPopulusStore store, CockpitViews views)
    {
        var me = CurrentAccount.From(user);
        if (me.Role != AccountRole.Administrator)
        {
            return BilingualProblem.Of(StatusCodes.Status403Forbidden, "Administrators only", "Only an administrator withdraws a batch.", "只有管理员可以撤回导入批次。");
        }

        try
        {
            var withdrawn = store.Withdraw(batch, request.Reason ?? "", me.UserName);
            store.Accounts.AppendAudit(me.UserName, me.Role.Code(), "batch-withdrawn", $"import batch {withdrawn.Batch}", withdrawn.Reason,
                $"{withdrawn.Kind}, {withdrawn.Rows} figures deleted");
            views.Invalidate();
            return TypedResults.Ok(withdrawn);
        }
        catch (InvalidInputException ex)
        {
            var error = ex.Errors[0];
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Not withdrawn", error.ToString(), $"未撤回：{error.ReasonZh ?? error.Reason}");
        }
    }

    internal static Ok<IReadOnlyList<KindView>> Kinds(ClaimsPrincipal user)
    {
        var me = CurrentAccount.From(user);
        return TypedResults.Ok((IReadOnlyList<KindView>)[.. PopulusStore.ImportKinds.Where(k => Allowed(me, k.Name))
            .Select(k => new KindView(k.Name, k.Summary, k.SummaryZh, k.RequiredColumns))]);
    }

    internal static Ok<IReadOnlyList<ImportAttempt>> Attempts(ClaimsPrincipal user, IPopulusStore store)
    {
        var me = CurrentAccount.From(user);
        return TypedResults.Ok(store.Accounts.ImportAttempts(account: me.Role == AccountRole.DataProvider ? me.UserName : null));
    }

    internal static async Task<Results<Ok<ImportAttempt>, UnprocessableEntity<ImportAttempt>, ProblemHttpResult>> Upload(string kind, IFormFile? file,
        [FromForm] string? batch, [FromForm] string? figureKind, [FromForm] string? source, ClaimsPrincipal user, IPopulusStore store, CockpitViews views,
        PopulusSettings settings, ILoggerFactory loggers, CancellationToken cancel)
    {
        var me = CurrentAccount.From(user);
        if (!PopulusStore.ImportKinds.Any(k => k.Name == kind))
        {
            var kinds = string.Join(", ", PopulusStore.ImportKinds.Select(k => k.Name));
            return BilingualProblem.Of(StatusCodes.Status404NotFound, "Unknown import kind", $"'{kind}': the kinds are {kinds}.", $"没有导入类型“{kind}”；已有：{kinds}");
        }

        if (!Allowed(me, kind))
        {
            return BilingualProblem.Of(StatusCodes.Status403Forbidden, "Not your data kind", $"This account may import {string.Join(", ", me.DataKinds)} only, not {kind}.",
                $"本账户只能导入 {string.Join("、", me.DataKinds)}，不能导入 {kind}。");
        }

        var extension = Path.GetExtension(file?.FileName ?? "").ToLowerInvariant();
        if (file is null || file.Length == 0 || !Extensions.Contains(extension))
        {
            return BilingualProblem.Of(StatusCodes.Status400BadRequest, "No file", "Send one non-empty .csv, .xlsx or .parquet file in the multipart field 'file'.",
                "请选择一个非空的 .csv、.xlsx 或 .parquet 文件上传。");
        }

        if (file.Length > MaxBytes)
        {
            return BilingualProblem.Of(StatusCodes.Status413PayloadTooLarge, "File too large", $"At most {MaxBytes / 1024 / 1024} MB.", $"文件不能超过 {MaxBytes / 1024 / 1024} MB。");
        }

        Provenance? defaults = null;
        if (figureKind is not null || source is not null)
        {
            if (source is null || !FigureKinds.TryParse(figureKind ?? "observed", out var figure))
            {
                return BilingualProblem.Of(StatusCodes.Status400BadRequest, "Bad provenance", "figureKind (observed, estimated, projected) needs a source id.",
                    "数据性质（观测、估计、预测）须同时注明来源编号。");
            }

            defaults = new Provenance(figure, source, Publisher: me.DisplayName);
        }

        // The store reads a file by its extension; the user's name is kept only as the last path part, stripped of folders.
        var fileName = Path.GetFileName(file.FileName);
        var folder = Directory.CreateTempSubdirectory("populus-upload-");
        try
        {
            var path = Path.Combine(folder.FullName, "upload" + extension);
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancel);
            }

            try
            {
                // Person records and events are sealed under the cockpit's registry key, the one its look-ups open.
                var result = store.Import(kind, path, new ImportOptions
                {
                    Batch = string.IsNullOrWhiteSpace(batch) ? fileName : batch.Trim(), Provenance = defaults, KeyFile = settings.RegistryKeyFile,
                });
                views.Invalidate();
                return TypedResults.Ok(store.Accounts.RecordImportAttempt(me.UserName, kind, fileName, true, result.Batch, result.Rows, []));
            }
            catch (InvalidInputException ex)
            {
                var problems = ex.Errors.Select(e => e with { File = fileName }).ToList();
                return TypedResults.UnprocessableEntity(store.Accounts.RecordImportAttempt(me.UserName, kind, fileName, false, null, 0, problems));
            }
            catch (RegistryKeyNotConfiguredException ex)
            {
                // The server's configuration, not the file: said to the user (who may not read the log) and logged for the
                // operator, with the kind only (no row of the file).
                loggers.CreateLogger("Populus.Imports").LogError("Import of {Kind} refused: the registry key file is not configured ({Variable}).", kind, RegistryKey.KeyFileVariable);
                return BilingualProblem.Of(StatusCodes.Status503ServiceUnavailable, "Registry key not configured",
                    $"Nothing was imported: {ex.Message}. The server names it with ${RegistryKey.KeyFileVariable}=/path/to/registry.key or --Populus:RegistryKeyFile=/path/to/registry.key when it starts (docs/cockpit.md).",
                    $"未导入任何数据：{ex.MessageZh}。服务启动时用 {RegistryKey.KeyFileVariable}=密钥文件路径 或 --Populus:RegistryKeyFile=密钥文件路径 指定（见 docs/cockpit.md）。");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static bool Allowed(CurrentAccount me, string kind) =>
        me.Role == AccountRole.Administrator || (me.Role == AccountRole.DataProvider && me.DataKinds.Contains(kind, StringComparer.Ordinal));

    /// <param name="Reason">Why: the figure found wrong and its correct value.</param>
    internal sealed record WithdrawRequest(string? Reason);

    internal sealed record KindView(string Name, string Summary, string SummaryZh, IReadOnlyList<string> RequiredColumns);
}
