using System.Globalization;
using Populus.Demography.Stochastic;

namespace Populus.Web.Hosting;

/// <summary>The host's settings, from the configuration section "Populus" (command line: --Populus:Db=…).</summary>
/// <param name="Db">The store (a DuckDB file or a PostgreSQL connection string); null: POPULUS_DB, else ./populus-data/populus.duckdb.</param>
/// <param name="LoginPermitLimit">Sign-in attempts allowed per client address per <see cref="LoginWindow"/>.</param>
/// <param name="LoginWindow">The window of <see cref="LoginPermitLimit"/>.</param>
/// <param name="CreateAdministrator">Make the administrator (password printed once) when the store has no account.</param>
/// <param name="CacheSeconds">How long computed cockpit views (overview, evaluations) are reused before recomputing.</param>
/// <param name="RegistryKeyFile">The person registry's key file; null: $POPULUS_KEY_FILE, else beside the DuckDB store folder.</param>
/// <param name="ServiceKeys">The services' key folder (identity hashing, permit signing); null: $POPULUS_KEYS, else populus-data/keys.</param>
/// <param name="Trajectories">Trajectories of the cockpit's probabilistic runs (1 … 100,000).</param>
public sealed record PopulusSettings(string? Db, int LoginPermitLimit, TimeSpan LoginWindow, bool CreateAdministrator, int CacheSeconds, string? RegistryKeyFile,
    string? ServiceKeys = null, int Trajectories = PopulusSettings.DefaultTrajectories)
{
    public const string Section = "Populus";

    /// <summary>1,000: a probability within ±3.2 points (two standard errors), a run of 1–3 s on two cores (docs/benchmarks.md).</summary>
    public const int DefaultTrajectories = 1_000;

    /// <exception cref="InvalidOperationException">Trajectories out of range.</exception>
    public static PopulusSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection(Section);
        var trajectories = s.GetValue("Trajectories", DefaultTrajectories);
        if (trajectories < 1 || trajectories > StochasticProjection.MaxTrajectories)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"--{Section}:Trajectories must be between 1 and {StochasticProjection.MaxTrajectories:N0}; got {trajectories}."));
        }

        return new PopulusSettings(
            s["Db"] is { Length: > 0 } db ? db : null,
            s.GetValue("LoginPermitLimit", 5),
            TimeSpan.FromSeconds(s.GetValue("LoginWindowSeconds", 60)),
            s.GetValue("CreateAdministrator", true),
            s.GetValue("CacheSeconds", 60),
            s["RegistryKeyFile"] is { Length: > 0 } key ? key : null,
            s["ServiceKeys"] is { Length: > 0 } keys ? keys : null,
            trajectories);
    }
}
