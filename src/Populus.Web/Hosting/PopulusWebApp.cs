namespace Populus.Web.Hosting;

/// <summary>Builds the cockpit and API host: services, then the request pipeline and the endpoints.</summary>
public static class PopulusWebApp
{
    /// <summary>Where `populus serve` listens unless --urls says otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="args">Host arguments (--urls, --Populus:Db=…); see <see cref="PopulusSettings"/>.</param>
    /// <param name="db">The store, overriding the configuration (`populus serve --db`).</param>
    /// <exception cref="Storage.StoreOpenException">The store cannot be opened (the message is written for the user).</exception>
    public static WebApplication Create(string[] args, string? db = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (db is not null)
        {
            builder.Configuration[$"{PopulusSettings.Section}:Db"] = db;
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // Per-request information lines (request started/finished, endpoint executed) cost more than the cached answers
        // they describe; warnings and errors are still logged, and the first-run password never goes through a logger.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddPopulusServices();
        var app = builder.Build();
        app.UsePopulusPipeline();
        return app;
    }

    /// <summary>Starts making, in the background, what the cockpit's pages ask for first (the baseline projection, the
    /// city's probabilistic run, then each region's: <see cref="Plan.ScenarioService.WarmUp"/>), so visitors do not wait
    /// for them; it stops when the host stops. A failure is logged, not thrown: the pages make the same things on
    /// request and report what is wrong.</summary>
    public static Task WarmUpInBackground(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scenarios = app.Services.GetRequiredService<Plan.ScenarioService>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Populus.WarmUp");
        return Task.Run(() =>
        {
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var stopping = app.Lifetime.ApplicationStopping;
                var made = scenarios.WarmUp(stopping);
                if (made.Count > 0 && !stopping.IsCancellationRequested)
                {
                    log.LogInformation("The cockpit's default probabilistic runs are made ({Regions} regions, {Trajectories} trajectories each) in {Seconds:0.0} s.",
                        made.Count, scenarios.Trajectories, clock.Elapsed.TotalSeconds);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log.LogWarning("The cockpit's projections were not made in advance ({Reason}); they are made on first request.", ex.Message);
            }
        });
    }
}
