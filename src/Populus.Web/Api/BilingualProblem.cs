using Microsoft.AspNetCore.Http.HttpResults;

namespace Populus.Web.Api;

/// <summary>
/// Problem details (RFC 9457) whose detail is given in both languages: <c>detail</c> in English and the extension
/// <c>detailZh</c> in Chinese, which the cockpit shows first (docs/api.md "Errors").
/// </summary>
internal static class BilingualProblem
{
    public const string ChineseDetail = "detailZh";

    public static ProblemHttpResult Of(int status, string title, string detail, string detailZh) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { [ChineseDetail] = detailZh });
}
