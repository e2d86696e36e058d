using Populus.Demography.Graduation;

namespace Populus.Demography.Tests.Graduation;

public class OsculatoryTests
{
    // Irregular, heaped-looking counts: 12 closed groups, enough for first, middle and last panels.
    private static readonly double[] Counts =
        [91234, 85412, 80111, 79876, 70342, 66001, 60123, 52222, 47110, 39001, 30007, 21456];

    public static TheoryData<string> TotalKeeping => new() { "sprague", "beers" };

    private static double[] Split(string method, double[] groups) =>
        method == "sprague" ? Sprague.Split(groups) : Beers.SplitOrdinary(groups);

    [Theory]
    [MemberData(nameof(TotalKeeping))]
    public void Split_KeepsEveryGroupTotal(string method)
    {
        var singles = Split(method, Counts);
        Assert.Equal(5 * Counts.Length, singles.Length);
        for (var g = 0; g < Counts.Length; g++)
        {
            Assert.Equal(Counts[g], singles.Skip(5 * g).Take(5).Sum(), Counts[g] * 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(TotalKeeping))]
    public void Split_ReproducesCubicDensityExactly(string method)
    {
        // Counts from the density p(x) = 3 + 0.5x − 0.02x² + 0.0003x³ over ages 0–60: group and single-year totals
        // are its exact integrals. Both formulas are exact for cubics, in every panel.
        static double P(double x) => 3 * x + 0.25 * x * x - 0.02 / 3 * x * x * x + 0.0003 / 4 * x * x * x * x;
        var groups = Enumerable.Range(0, 12).Select(g => P(5 * g + 5) - P(5 * g)).ToArray();
        var singles = Split(method, groups);
        for (var a = 0; a < 60; a++)
        {
            var exact = P(a + 1) - P(a);
            Assert.Equal(exact, singles[a], Math.Abs(exact) * 1e-9);
        }
    }

    [Fact]
    public void Sprague_DoesNotReproduceQuarticDensity()
    {
        // Guards the claim in the remarks: the exactness degree is three, not four.
        static double P(double x) => Math.Pow(x / 10, 5) * 2;
        var groups = Enumerable.Range(0, 10).Select(g => P(5 * g + 5) - P(5 * g)).ToArray();
        var singles = Sprague.Split(groups);
        Assert.Contains(Enumerable.Range(0, 50), a => Math.Abs(singles[a] - (P(a + 1) - P(a))) > 1e-3 * (P(a + 1) - P(a)));
    }

    [Fact]
    public void Panels_AreMirrorSymmetric()
    {
        // Reversing the age order of the groups reverses the split (the end panels mirror the first ones).
        var forward = Sprague.Split(Counts);
        var backward = Sprague.Split(Counts.Reverse().ToArray());
        Assert.Equal(forward.Reverse(), backward, (x, y) => Math.Abs(x - y) < 1e-6);
    }

    [Fact]
    public void BeersModified_SmoothsSoTotalsMove()
    {
        var singles = Beers.SplitModified(Counts);
        Assert.Equal(Counts.Sum(), singles.Sum(), Counts.Sum() * 1e-3);
        Assert.Contains(Enumerable.Range(0, Counts.Length), g => Math.Abs(singles.Skip(5 * g).Take(5).Sum() - Counts[g]) > 1);
    }

    [Fact]
    public void Split_RejectsFewerThanFiveGroups()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sprague.Split([1, 2, 3, 4]));
        Assert.Contains("at least 5", ex.Message);
    }
}
