using Microsoft.AspNetCore.Mvc;
using Populus.Planning.Data;
using Populus.Storage.Tabular;
using Populus.Web.Api;

namespace Populus.Web.Services;

/// <summary>
/// The services' refusals as problem details: bad input is 400 with every problem as {field, value, reason} (and the
/// file name, never a server path, and row for uploads), a state the service does not allow (a transition, a duplicate, a stale revision, a closed round) is 409, with
/// <c>detailZh</c> when the refusal is worded in Chinese too.
/// </summary>
/// <remarks>
/// The services never put an identity number in a message (they name the rule it breaks), so the reasons are passed
/// on as written.
/// </remarks>
internal static class ServiceProblems
{
    public static IResult Run(Func<IResult> body)
    {
        try
        {
            return body();
        }
        catch (InvalidInputException ex)
        {
            return Invalid(ex.Errors.Select(e => new FieldProblem(e.Column ?? "", e.Value, e.Reason, Path.GetFileName(e.File), e.Row > 0 ? e.Row : null, e.ReasonZh)).ToList());
        }
        catch (RefusedArgumentException ex)
        {
            return Invalid(ex.ParamName ?? "", ex.Reason);
        }
        catch (ArgumentException ex)
        {
            return Invalid([new FieldProblem(ex.ParamName ?? "", null, WithoutParameter(ex), null, null)]);
        }
        catch (RefusedOperationException ex)
        {
            return BilingualProblem.Of(StatusCodes.Status409Conflict, "Not allowed in this state", ex.Reason.English, ex.Reason.Chinese);
        }
        catch (InvalidOperationException ex)
        {
            // The services say which state refuses the step in English; the Chinese detail says what kind of refusal it is around it.
            return BilingualProblem.Of(StatusCodes.Status409Conflict, "Not allowed in this state", ex.Message, $"当前状态不允许此操作（{ex.Message}）");
        }
    }

    /// <summary>400 naming each field and the reason; in Chinese too (<c>detailZh</c>) when every reason has its Chinese words.</summary>
    public static IResult Invalid(IReadOnlyList<FieldProblem> problems)
    {
        var details = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = string.Join("; ", problems.Select(p => p.Field.Length > 0 ? $"{p.Field}: {p.Reason}" : p.Reason)),
            Extensions = { ["errors"] = problems },
        };
        if (problems.All(p => p.ReasonZh is not null))
        {
            details.Extensions[BilingualProblem.ChineseDetail] = string.Join("；", problems.Select(p => p.Field.Length > 0 ? $"{p.Field}：{p.ReasonZh}" : p.ReasonZh));
        }

        return TypedResults.Problem(details);
    }

    public static IResult Invalid(string field, Reason reason) => Invalid([new FieldProblem(field, null, reason.English, null, null, reason.Chinese)]);

    public static IResult NotFound(Reason what) => BilingualProblem.Of(StatusCodes.Status404NotFound, "Not found", what.English, what.Chinese);

    private static string WithoutParameter(ArgumentException ex) =>
        ex.ParamName is { } p ? ex.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : ex.Message;

    /// <param name="Field">The request field (or file column) at fault.</param>
    /// <param name="Value">The value given, when it may be shown (never an identity number).</param>
    /// <param name="ReasonZh">The reason in Chinese, where it is given in both languages.</param>
    internal sealed record FieldProblem(string Field, string? Value, string Reason, string? File, int? Row, string? ReasonZh = null)
    {
        /// <summary>A request field's problem, worded in English and Chinese.</summary>
        public static FieldProblem Of(string field, string? value, Reason reason) => new(field, value, reason.English, null, null, reason.Chinese);
    }
}
