using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Populus.Web.Security;

/// <summary>
/// Antiforgery for requests a browser could be tricked into sending: every POST/PUT/PATCH/DELETE to the API that does
/// not carry a bearer token (so the cookie, or no credential at all as at sign-in) must echo the antiforgery token in
/// the X-CSRF-TOKEN header. Bearer-token calls from departments' systems carry no ambient credential and are exempt.
/// </summary>
internal static class CsrfProtection
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        var unsafeMethod = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (unsafeMethod && !bearer && context.Request.Path.StartsWithSegments("/api"))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Missing or invalid antiforgery token",
                    Detail = $"Requests authenticated by the sign-in cookie must send the token from GET /api/v1/auth/csrf in the {HeaderName} header.",
                    Extensions = { [Api.BilingualProblem.ChineseDetail] = $"页面的安全令牌已失效或缺失（{HeaderName}）：请刷新页面后重试" },
                }).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });
}
