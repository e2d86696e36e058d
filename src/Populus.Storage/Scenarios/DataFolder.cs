using Populus.Storage.Tabular;

namespace Populus.Storage.Scenarios;

/// <summary>Finds the embedded default dataset (the repository's <c>data/</c> folder), which the product reads at run time.</summary>
public static class DataFolder
{
    /// <summary>The environment variable naming the data folder when it is not above the working folder or the program.</summary>
    public const string Variable = "POPULUS_DATA";

    /// <summary>The folder named by <see cref="Variable"/>, else the first <c>data/</c> with the plan's catalogue above the
    /// working folder or the program.</summary>
    /// <exception cref="InvalidInputException">No such folder.</exception>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, "plan", "indicator-catalogue.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidInputException(new InputError("data", 0, null, null,
            $"the data folder (with plan/indicator-catalogue.csv) was not found above the working folder or the program; set {Variable}"));
    }
}
