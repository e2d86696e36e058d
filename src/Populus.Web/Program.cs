using Populus.Web.Hosting;

// `dotnet run --project src/Populus.Web` and WebApplicationFactory start here; `populus serve` calls PopulusWebApp too.
var app = PopulusWebApp.Create(args);
app.Run();

/// <summary>The web host's entry point (public so tests can host it with WebApplicationFactory).</summary>
public partial class Program;
