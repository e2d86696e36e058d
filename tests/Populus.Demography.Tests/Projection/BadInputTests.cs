using Populus.Demography.Projection;

namespace Populus.Demography.Tests.Projection;

/// <summary>Inputs that cannot be projected are refused with a message naming the value and the reason.</summary>
public class BadInputTests
{
    private static readonly AgeGroups Ages = Synthetic.Ages;

    [Fact]
    public void Grid_WithUnequalWidths_Throws()
    {
        // The abridged grid (0, 1–4, 5–9 …) has no single step length.
        var abridged = AgeGroups.Abridged(85);
        var s = new SurvivalRatios(abridged, Enumerable.Repeat(0.9, abridged.Count).ToArray());
        var e = Assert.Throws<ArgumentException>(() => new StateRates(s, s, Synthetic.Fertility(), new SexRatioAtBirth(1.05)));
        Assert.Contains("one width", e.Message);
        Assert.Throws<ArgumentException>(() => new CohortComponentProjection(StateSpace.Single(), abridged));
    }

    [Fact]
    public void Fertility_NarrowerThanTheProjectionGroups_Throws()
    {
        var fiveYear = AgeGroups.FiveYear(0, 85);
        var s = new SurvivalRatios(fiveYear, Enumerable.Repeat(0.95, fiveYear.Count).ToArray());
        var e = Assert.Throws<ArgumentException>(() => new StateRates(s, s, Synthetic.Fertility(), new SexRatioAtBirth(1.05)));
        Assert.Contains("do not align", e.Message);
    }

    [Fact]
    public void Fertility_InTheFirstAgeGroup_Throws()
    {
        var f = new FertilityRates(AgeGroups.SingleYearRange(0, 49), Enumerable.Repeat(0.01, 50).ToArray());
        var s = new SurvivalRatios(Ages, Synthetic.Survival());
        var e = Assert.Throws<ArgumentException>(() => new StateRates(s, s, f, new SexRatioAtBirth(1.05)));
        Assert.Contains("must be zero", e.Message);
    }

    [Fact]
    public void Survival_ByGridsThatDiffer_Throws()
    {
        var other = AgeGroups.SingleYear(90);
        var e = Assert.Throws<ArgumentException>(() => new StateRates(
            new SurvivalRatios(Ages, Synthetic.Survival()),
            new SurvivalRatios(other, Enumerable.Repeat(0.9, other.Count).ToArray()),
            Synthetic.Fertility(),
            new SexRatioAtBirth(1.05)));
        Assert.Contains("age groups differ", e.Message);
    }

    [Fact]
    public void Step_OnAnotherGrid_Throws()
    {
        var engine = new CohortComponentProjection(StateSpace.Single(), AgeGroups.SingleYear(90));
        var e = Assert.Throws<ArgumentException>(() => engine.Project(2020, [Synthetic.Population()], [new ProjectionStep([Synthetic.Rates()])]));
        Assert.Contains("age groups differ", e.Message);
    }

    [Fact]
    public void InitialPopulation_Negative_Throws()
    {
        var engine = new CohortComponentProjection(StateSpace.Single(), Ages);
        var packed = new double[2 * Ages.Count];
        packed[130] = -1;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Project(2020, packed, [new ProjectionStep([Synthetic.Rates()])]));
        Assert.Contains("Female, age 29", e.Message);
    }

    [Fact]
    public void StateCounts_ThatDiffer_Throw()
    {
        var engine = new CohortComponentProjection(StateSpace.Regions(["A", "B"]), Ages);
        Assert.Throws<ArgumentException>(() => engine.Project(2020, [Synthetic.Population()], [new ProjectionStep([Synthetic.Rates(), Synthetic.Rates()])]));
        var e = Assert.Throws<ArgumentException>(() =>
            engine.Project(2020, [Synthetic.Population(), Synthetic.Population()], [new ProjectionStep([Synthetic.Rates()])]));
        Assert.Contains("1 states", e.Message);
    }

    [Fact]
    public void TransitionRates_LeavingMoreThanEveryone_Throw()
    {
        var space = StateSpace.Regions(["A", "B", "C"]);
        var e = Assert.Throws<ArgumentException>(() => new StateTransitions("migration", space, Ages, TransitionKind.Rates,
        [
            new Transition(0, 1, TransitionSchedule.Constant(Ages, 0.6)),
            new Transition(0, 2, TransitionSchedule.Constant(Ages, 0.6)),
        ]));
        Assert.Contains("more than 1", e.Message);
    }

    [Fact]
    public void TransitionRates_OfSeveralSetsLeavingMoreThanEveryone_Throw()
    {
        var space = StateSpace.Regions(["A", "B"]);
        var a = new StateTransitions("migration", space, Ages, TransitionKind.Rates, [new Transition(0, 1, TransitionSchedule.Constant(Ages, 0.6))]);
        var b = new StateTransitions("reclassification", space, Ages, TransitionKind.Rates, [new Transition(0, 1, TransitionSchedule.Constant(Ages, 0.6))]);
        Assert.Throws<ArgumentException>(() => new ProjectionStep([Synthetic.Rates(), Synthetic.Rates()], MigrationTiming.End, [a, b]));
    }

    [Fact]
    public void Transitions_ToItselfOrRepeated_Throw()
    {
        var space = StateSpace.Regions(["A", "B"]);
        var one = TransitionSchedule.Constant(Ages, 0.1);
        Assert.Contains("itself", Assert.Throws<ArgumentException>(() =>
            new StateTransitions("m", space, Ages, TransitionKind.Rates, [new Transition(1, 1, one)])).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() =>
            new StateTransitions("m", space, Ages, TransitionKind.Rates, [new Transition(0, 1, one), new Transition(0, 1, one)])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new StateTransitions("m", space, Ages, TransitionKind.Rates, [new Transition(0, 2, one)]));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new StateTransitions("m", space, Ages, TransitionKind.Counts, [new Transition(0, 1, one, -1)]));
    }

    [Fact]
    public void TransitionSchedule_Negative_Throws()
    {
        var v = new double[Ages.Count];
        v[3] = -0.1;
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransitionSchedule(Ages, v, new double[Ages.Count]));
    }

    [Fact]
    public void FromArrays_WrongLengthOrOutOfRange_Throws()
    {
        var a = Ages.Count;
        var survival = new double[2 * a];
        Array.Fill(survival, 0.9);
        var fertility = new double[a];
        Assert.Throws<ArgumentException>(() => ProjectionStep.FromArrays(Ages, 1, survival.AsSpan(1), fertility, [1.05], []));
        survival[7] = 1.2;
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionStep.FromArrays(Ages, 1, survival, fertility, [1.05], []));
        survival[7] = 0.9;
        fertility[0] = 0.1;
        Assert.Throws<ArgumentException>(() => ProjectionStep.FromArrays(Ages, 1, survival, fertility, [1.05], []));
        fertility[0] = 0;
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionStep.FromArrays(Ages, 1, survival, fertility, [105], []));
    }

    [Fact]
    public void BirthShares_NotSummingToOne_Throw()
    {
        var space = StateSpace.Regions(["A", "B"]);
        var e = Assert.Throws<ArgumentException>(() => BirthAssignment.FromShares(space, [(0, 0, 0.5), (0, 1, 0.4), (1, 1, 1.0)]));
        Assert.Contains("sum to", e.Message);
        Assert.Throws<ArgumentException>(() => new CohortComponentProjection(space, Ages, BirthAssignment.MothersState(StateSpace.Single())));
    }

    [Fact]
    public void Result_FlowNotRecordedOrYearOutside_Throws()
    {
        var result = new CohortComponentProjection(StateSpace.Single(), Ages, outputs: ProjectionOutputs.Population)
            .Project(2020, [Synthetic.Population()], [new ProjectionStep([Synthetic.Rates()])]);
        Assert.Throws<InvalidOperationException>(() => result.Deaths(2020, 0, Sex.Male).ToArray());
        Assert.Throws<InvalidOperationException>(() => result.Balance(2020));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Population(2022, 0, Sex.Male).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Births(2021, 0, Sex.Male));
        Assert.True(result.TotalPopulation(2021) > 0);
    }
}
