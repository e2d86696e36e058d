using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Populus.Web.Api;

namespace Populus.Web.Hosting;

/// <summary>
/// A request the endpoint's parameters cannot take (a query value of the wrong type, a body that is not the JSON it
/// reads) answered as a problem with its detail, as docs/api.md promises every error is: the host would otherwise
/// answer a bare 400. Endpoints throw these (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>) so that they reach here.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = bad.InnerException as JsonException;
        var details = ParameterProblems.Binding(bad) ?? new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "Bad request",
            // Where in the body, not the reader's words, which name the server's types.
            Detail = json is not null
                ? $"The request body is not the JSON this endpoint reads: at {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}) a value is missing, of the wrong type or not JSON."
                : bad.Message,
            Extensions =
            {
                [BilingualProblem.ChineseDetail] = json is not null
                    ? $"请求内容不是此接口可读的 JSON：在 {json.Path ?? "$"}（第 {json.LineNumber + 1} 行第 {json.BytePositionInLine + 1} 字节）缺少值、类型不对或不是 JSON"
                    : $"请求无法处理（{bad.Message}）",
            },
        };
        httpContext.Response.StatusCode = details.Status ?? bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
