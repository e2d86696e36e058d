using Populus.Demography.LifeTables;

namespace Populus.Demography.Tests.LifeTables;

public class KannistoTests
{
    [Fact]
    public void Fit_RecoversParametersOfExactKannistoRates()
    {
        var truth = new Kannisto(0.02, 0.11, 60);
        var ages = Enumerable.Range(60, 41).Select(a => a + 0.5).ToArray();
        var mx = ages.Select(truth.Hazard).ToArray();

        var fit = Kannisto.Fit(ages, mx);

        foreach (var age in new[] { 60.5, 100.5, 130.5 })
        {
            Assertions.Relative(truth.Hazard(age), fit.Hazard(age), 1e-9, $"μ({age})");
        }
    }

    [Fact]
    public void Fit_DoesNotDependOnReferenceAge()
    {
        var mx = CanadaWpp.Get(2019, "both").Mx.AsSpan(60).ToArray();
        var ages = Enumerable.Range(60, mx.Length).Select(a => (double)a).ToArray();
        var shifted = ages.Select(a => a + 0.5).ToArray();
        var a = Kannisto.Fit(ages, mx);
        var b = Kannisto.Fit(shifted, mx);
        Assertions.Relative(a.Hazard(110), b.Hazard(110.5), 1e-9, "μ(110)");
    }

    [Fact]
    public void Fit_RefusesZeroRatesAndTooFewPoints()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kannisto.Fit([80, 81, 82], [0.05, 0, 0.07]));
        Assert.Throws<ArgumentException>(() => Kannisto.Fit([80], [0.05]));
    }

    [Fact]
    public void Closure_OpenAgeBelowFitAge_IsRefused()
    {
        var mx = Enumerable.Repeat(0.05, 19).ToArray();
        var options = new LifeTableOptions { Sex = Sex.Male, Closure = OpenAgeClosure.Kannisto(fitFromAge: 90) };
        Assert.Throws<ArgumentException>(() => LifeTable.FromRates(new DeathRates(AgeGroups.Abridged(85), mx), options));
    }
}
