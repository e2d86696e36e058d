using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using Populus.Storage;
using Populus.Storage.Accounts;
using Populus.Web.Api;
using Populus.Web.Plan;
using Populus.Web.Security;

namespace Populus.Web.Hosting;

/// <summary>Wiring: services (store, plan, auth, antiforgery, rate limits, OpenAPI) and the request pipeline.</summary>
internal static class PopulusServices
{
    public static void AddPopulusServices(this WebApplicationBuilder builder)
    {
        var settings = PopulusSettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPopulusStore>(_ => PopulusStore.Open(settings.Db));
        services.AddSingleton(sp => PlanBook.Load(sp.GetRequiredService<IPopulusStore>()));
        services.AddSingleton<ScenarioService>();
        services.AddSingleton<CockpitViews>();
        services.AddSingleton<Registry.RegistryAccess>();
        services.AddSingleton<Services.ServiceDesk>();
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // to BadRequestHandler, which says what is wrong
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Populus API";
            document.Info.Description = "Population statistics, plan indicators and targets, imports, audit, and the services to people (settlement, residence permits, points, allocation, talent; docs/api.md). " +
                                        "Sign in with a cookie (POST /api/v1/auth/login) or send 'Authorization: Bearer TOKEN'.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "populus";
                o.DefaultChallengeScheme = "populus";
            })
            .AddPolicyScheme("populus", "cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "populus.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = c => Status(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Status(c, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = CookieSessions.Validate;
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in Policies.Roles)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.Code())));
        }

        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfProtection.HeaderName;
            o.Cookie.Name = "populus.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SuppressXFrameOptionsHeader = true; // set (DENY) for every response by SecurityHeaders
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthApi.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.LoginPermitLimit, Window = settings.LoginWindow, QueueLimit = 0 }));
            o.OnRejected = async (context, cancel) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)settings.LoginWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many sign-in attempts",
                    Detail = $"At most {settings.LoginPermitLimit} attempts per {settings.LoginWindow.TotalSeconds:0} s from one address; try again later.",
                    Extensions = { [Api.BilingualProblem.ChineseDetail] = $"同一地址每 {settings.LoginWindow.TotalSeconds:0} 秒最多尝试登录 {settings.LoginPermitLimit} 次，请稍后再试。" },
                }).ExecuteAsync(context.HttpContext);
            };
        });
    }

    public static void UsePopulusPipeline(this WebApplication app)
    {
        // Open the store and parse the plan now, so a bad --db or plan file stops the start with its message.
        var store = app.Services.GetRequiredService<IPopulusStore>();
        app.Services.GetRequiredService<PlanBook>();
        if (app.Services.GetRequiredService<PopulusSettings>().CreateAdministrator)
        {
            FirstRun.EnsureAdministrator(store, app.Services.GetRequiredService<IPasswordHasher<Account>>(), Console.Out);
        }

        var files = new EmbeddedFileProvider(typeof(PopulusServices).Assembly, "Populus.Web.wwwroot");
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
                c.Context.Request.Path.StartsWithSegments("/lib") ? "public, max-age=86400" : "no-cache",
        });
        app.UseAuthentication();
        app.UseCsrfProtection();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAuthApi();
        app.MapAccountsApi();
        app.MapRegionsApi();
        app.MapPopulationApi();
        app.MapEstimatesApi();
        app.MapIndicatorsApi();
        app.MapProbabilitiesApi();
        app.MapImportsApi();
        app.MapAuditApi();
        app.MapRegistryApi();
        app.MapProjectionsApi();
        app.MapServicesApi();
        app.MapPermitsApi();
        app.MapPointsApi();
        app.MapAllocationApi();
        app.MapTalentApi();
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
