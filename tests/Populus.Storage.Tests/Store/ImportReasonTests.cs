using System.Text.RegularExpressions;
using Populus.Storage.Tabular;

namespace Populus.Storage.Tests.Store;

/// <summary>
/// Every import's problems are worded in English and Chinese: the cockpit's upload page shows a department's staff
/// the Chinese (docs/storage.md). Each kind is given files that fail its checks in different ways.
/// </summary>
public class ImportReasonTests
{
    private static readonly Regex Chinese = new(@"\p{IsCJKUnifiedIdeographs}");

    private static readonly string[] Optional =
    [
        "age", "sex", "residence", "education", "year", "reference_date", "figure_kind", "source_id", "published", "unit", "department",
        "event_date", "birth_date", "completed", "percent_complete", "reported_on", "departed_on", "observed_until", "to_region", "from_region",
    ];

    public static TheoryData<string> Kinds => [.. PopulusStore.ImportKinds.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryProblemOfEveryKind_IsWordedInChineseToo(string kind)
    {
        using var t = TestStore.Create("duckdb");
        using var store = t.Open();
        // The kind's required columns and the optional ones imports read, so that their checks run too.
        var columns = PopulusStore.ImportKinds.Single(k => k.Name == kind).RequiredColumns.Union(Optional).ToList();
        var files = new[]
        {
            // Every cell nonsense; every cell blank; a header only; a header without the required columns.
            string.Join(',', columns) + "\n" + string.Join(',', columns.Select(_ => "x?")) + "\n",
            string.Join(',', columns) + "\n" + new string(',', columns.Count - 1) + "x\n",
            string.Join(',', columns) + "\n",
            "unrelated\n1\n",
        };
        var problems = 0;
        foreach (var (text, i) in files.Select((f, i) => (f, i)))
        {
            var file = TableFiles.Write(t.File($"{kind}-{i}.csv"), text);
            // A kind may take one of them (a groups file of a header only changes no group); the others are refused.
            var thrown = Record.Exception(() => store.Import(kind, file));
            if (thrown is null)
            {
                continue;
            }

            var ex = Assert.IsType<InvalidInputException>(thrown);

            foreach (var error in ex.Errors)
            {
                Assert.True(error.ReasonZh is { } zh && Chinese.IsMatch(zh), $"{kind}, file {i}: '{error.Reason}' has no Chinese ('{error.ReasonZh}')");
                problems++;
            }
        }

        Assert.True(problems >= files.Length - 1, $"{problems} problems");
    }
}
