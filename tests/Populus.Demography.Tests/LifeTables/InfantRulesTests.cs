using Populus.Demography.LifeTables;

namespace Populus.Demography.Tests.LifeTables;

public class InfantRulesTests
{
    [Theory]
    [InlineData(Sex.Male, 0.0230, 0.08307)]
    [InlineData(Sex.Female, 0.01724, 0.06891)]
    public void AndreevKingkade_SegmentsMeetAtBreakpoints(Sex sex, double low, double high)
    {
        // [AK2015] round their coefficients to 5 decimals; the segments then meet to within 0.0002 years.
        Assert.InRange(Math.Abs(AndreevKingkade.A0(low, sex) - AndreevKingkade.A0(low - 1e-12, sex)), 0, 2e-4);
        Assert.InRange(Math.Abs(AndreevKingkade.A0(high, sex) - AndreevKingkade.A0(high - 1e-12, sex)), 0, 2e-4);
        Assert.Equal(AndreevKingkade.A0(high, sex), AndreevKingkade.A0(0.5, sex));
    }

    [Fact]
    public void AndreevKingkade_FallsThenRisesWithInfantMortality()
    {
        // Low mortality: a0 ≈ 0.149 at m0 → 0 and falls as m0 rises; middle segment rises; the plateau is highest.
        Assert.Equal(0.14929, AndreevKingkade.A0(0, Sex.Male));
        Assert.Equal(0.14903, AndreevKingkade.A0(0, Sex.Female));
        Assert.True(AndreevKingkade.A0(0.01, Sex.Male) < AndreevKingkade.A0(0.001, Sex.Male));
        Assert.True(AndreevKingkade.A0(0.05, Sex.Female) > AndreevKingkade.A0(0.03, Sex.Female));
        Assert.True(AndreevKingkade.A0(0.2, Sex.Female) > AndreevKingkade.A0(0.2, Sex.Male));
    }

    [Theory]
    [InlineData(Sex.Male)]
    [InlineData(Sex.Female)]
    public void CoaleDemeny_Q0IsConsistentWithA0(Sex sex)
    {
        // The solved q0 satisfies q = m / (1 + (1 − a)·m) with a = a0(q), on both branches.
        foreach (var m0 in new[] { 0.0, 1e-6, 0.004, 0.03, 0.09, 0.2, 0.5 })
        {
            var q0 = CoaleDemeny.Q0(m0, sex);
            var a0 = CoaleDemeny.A0(m0, sex);
            Assertions.Absolute(m0 / (1 + (1 - a0) * m0), q0, 1e-15, $"q0 at m0 = {m0}");
        }
    }

    [Fact]
    public void CoaleDemeny_HighMortalityConstants()
    {
        Assert.Equal(0.33, CoaleDemeny.A0(0.3, Sex.Male));
        Assert.Equal(0.35, CoaleDemeny.A0(0.3, Sex.Female));
        Assert.Equal(1.352, CoaleDemeny.A1To4(0.3, Sex.Male));
        Assert.Equal(1.361, CoaleDemeny.A1To4(0.3, Sex.Female));
        Assert.Equal(0.0425, CoaleDemeny.A0(0, Sex.Male));
        Assert.Equal(1.524, CoaleDemeny.A1To4(0, Sex.Female));
    }

    [Fact]
    public void Rules_RefuseNegativeRates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AndreevKingkade.A0(-0.01, Sex.Male));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoaleDemeny.A0(double.NaN, Sex.Female));
    }
}
