using Populus.Demography;
using Populus.Demography.LifeTables;
using Populus.Planning.Data;
using Populus.Planning.Formulas;

namespace Populus.Planning.Indicators;

/// <summary>Evaluates a parsed <see cref="Formula"/> for one region and year. Any missing input makes the whole
/// value missing, with the input's reason; a zero denominator is missing too, never infinity.</summary>
internal sealed class FormulaEvaluator(RegionalData data)
{
    /// <summary>Constants carry this provenance; it is dropped when combined with data.</summary>
    private static readonly Provenance Constant = Provenance.Observed("constant");

    private static readonly LifeTableOptions MaleTable = LifeTableOptions.For(Sex.Male);

    private static readonly LifeTableOptions FemaleTable = LifeTableOptions.For(Sex.Female);

    private static readonly (string, string) TotalFertility = ("TFR", "总和生育率");

    /// <summary>The childbearing ages a births table by mother's age covers, 15 to 49 (the census's and the health
    /// commission's reproductive span; docs/storage.md).</summary>
    private const int FirstChildbearingAge = 15;

    private const int ChildbearingEnd = 50;

    public DataResult<double> Evaluate(Formula formula, string region, int year) => Eval(formula.Root, region, year);

    /// <summary>The region's name for messages (figures are keyed by code).</summary>
    private string Name(string region) => data.Regions.NameOf(region);

    private DataResult<double> Eval(FormulaNode node, string region, int year)
    {
        switch (node)
        {
            case NumberNode n:
                return DataResult<double>.Found(n.Value, Constant);
            case NegateNode neg:
                var inner = Eval(neg.Operand, region, year);
                return inner.HasValue ? DataResult<double>.Found(-inner.Value, inner.Provenance) : inner;
            case BinaryNode b:
                return Binary(b, region, year);
            case CallNode c:
                return Call(c, c.Region is { } named ? data.Regions.KeyOrSelf(named) : region, year);
            default:
                throw new InvalidOperationException($"unknown formula node {node.GetType().Name}.");
        }
    }

    private DataResult<double> Binary(BinaryNode b, string region, int year)
    {
        var left = Eval(b.Left, region, year);
        var right = Eval(b.Right, region, year);
        if (!left.HasValue || !right.HasValue)
        {
            var reasons = new[] { left.MissingReason, right.MissingReason }.OfType<Reason>().Distinct();
            return DataResult<double>.Missing(reasons.Aggregate((a, b) => a.And(b)));
        }

        if (b.Operator == '/' && right.Value == 0)
        {
            return DataResult<double>.Missing(new($"the denominator is zero for {Name(region)} in {year}", $"{Name(region)}{year}年的分母为零"));
        }

        var value = b.Operator switch
        {
            '+' => left.Value + right.Value,
            '-' => left.Value - right.Value,
            '*' => left.Value * right.Value,
            _ => left.Value / right.Value,
        };
        return DataResult<double>.Found(value, Merge(left.Provenance, right.Provenance));
    }

    private static Provenance Merge(Provenance a, Provenance b) =>
        ReferenceEquals(a, Constant) ? b : ReferenceEquals(b, Constant) ? a : a.Combine(b);

    private DataResult<double> Call(CallNode c, string region, int year)
    {
        switch (c.Function)
        {
            case FormulaFunction.Pop:
                return Sum(data.Counts(PopulationKind.Resident, false, region, year), c, ("resident population", "常住人口"), region, year);
            case FormulaFunction.RegPop:
                return Sum(data.Counts(PopulationKind.Registered, false, region, year), c, ("registered population", "户籍人口"), region, year);
            case FormulaFunction.Urban:
                return Sum(data.Counts(PopulationKind.Urban, false, region, year), c, ("urban population", "城镇人口"), region, year);
            case FormulaFunction.Births:
                return Sum(Births(region, year), c, ("births", "出生数"), region, year);
            case FormulaFunction.Deaths:
                return Sum(data.Counts(null, false, region, year), c, ("deaths", "死亡数"), region, year);
            case FormulaFunction.Edu:
            case FormulaFunction.Schooling:
                var edu = data.Education(region, year);
                if (!edu.HasValue)
                {
                    return DataResult<double>.Missing(Of(("education", "分受教育程度的人数"), region, year).Because(edu.MissingReason));
                }

                var ok = c.Function == FormulaFunction.Edu
                    ? edu.Value.TryPersons(c.Ages, c.MinimumLevel, out var v, out var why)
                    : edu.Value.TrySchoolingYears(c.Ages, out v, out why);
                return ok ? DataResult<double>.Found(v, edu.Provenance) : DataResult<double>.Missing(Of(("education", "分受教育程度的人数"), region, year).Because(why!));
            case FormulaFunction.Series:
                var s = data.Series(c.SeriesName!, region, year);
                return s.HasValue ? s : DataResult<double>.Missing(Of((c.SeriesName!, ScalarSeries.NameZh(c.SeriesName!)), region, year).Because(s.MissingReason));
            case FormulaFunction.Tfr:
                return Tfr(region, year);
            case FormulaFunction.E0:
                return LifeExpectancy(c.Sex, region, year);
            case FormulaFunction.Srb:
                return Srb(region, year);
            default:
                throw new InvalidOperationException($"unknown formula function {c.Function}.");
        }
    }

    /// <summary>What is missing, for a reason that rests on its cause: "TFR of 温州市 in 2024", "温州市2024年的总和生育率".</summary>
    private Reason Of((string English, string Chinese) what, string region, int year) =>
        new($"{what.English} of {Name(region)} in {year}", $"{Name(region)}{year}年的{what.Chinese}");

    private DataResult<double> Sum(DataResult<AgeSexCounts> counts, CallNode c, (string English, string Chinese) what, string region, int year)
    {
        if (!counts.HasValue)
        {
            return DataResult<double>.Missing(Of(what, region, year).Because(counts.MissingReason));
        }

        return counts.Value.TrySum(c.Ages, c.Sex, out var sum, out var why)
            ? DataResult<double>.Found(sum, counts.Provenance)
            : DataResult<double>.Missing(new Reason(
                $"{what.English} of {Name(region)} in {year}, ages {c.Ages}{(c.Sex is { } s ? ", sex " + s.Code() : "")}",
                $"{Name(region)}{year}年{c.Ages.LabelZh}{(c.Sex is { } z ? (z == Sex.Male ? "男性" : "女性") : "")}的{what.Chinese}").Because(why!));
    }

    /// <summary>
    /// The year's births: a total, or a table by the mother's age that covers the childbearing ages 15–49 (the groups
    /// already run without gaps, <see cref="AgeGroups"/>). A table of some of them only (the mothers aged 25–29) is
    /// refused: a TFR, sex ratio at birth or infant mortality from it would describe those mothers, not the region.
    /// </summary>
    private DataResult<AgeSexCounts> Births(string region, int year)
    {
        var births = data.Counts(null, true, region, year);
        if (!births.HasValue || births.Value.Ages is var ages && (ages.IsOpenEnded ? ages.FirstAge == 0 : ages.FirstAge <= FirstChildbearingAge && ages.End >= ChildbearingEnd))
        {
            return births;
        }

        var covered = new AgeRange(ages.FirstAge, ages.End!.Value);
        return DataResult<AgeSexCounts>.Missing(new(
            $"the births table by mother's age covers ages {covered} only; it needs every mother's age group {FirstChildbearingAge}-{ChildbearingEnd - 1}",
            $"按母亲年龄分的出生数只有 {covered} 岁；需要 {FirstChildbearingAge}-{ChildbearingEnd - 1} 岁的全部年龄组"));
    }

    /// <summary>TFR = Σ n·(births / women) over the mother's age groups of the births table [PHG2001 §5.3].</summary>
    private DataResult<double> Tfr(string region, int year)
    {
        var births = Births(region, year);
        var pop = data.Counts(PopulationKind.Resident, false, region, year);
        if (!births.HasValue || !pop.HasValue)
        {
            return DataResult<double>.Missing(Of(TotalFertility, region, year).Because((births.MissingReason ?? pop.MissingReason)!));
        }

        var ages = births.Value.Ages;
        if (ages.IsOpenEnded)
        {
            return DataResult<double>.Missing(Of(TotalFertility, region, year).Because(new(
                $"births by mother's age are needed in closed age groups (such as 15-49); got {ages}", $"需要按母亲年龄分闭合年龄组（如 15-49）的出生数，实际为 {ages}")));
        }

        var asfr = ages.Count <= 256 ? stackalloc double[ages.Count] : new double[ages.Count];
        var women = ages.Count <= 256 ? stackalloc double[ages.Count] : new double[ages.Count];
        var summed = pop.Value.TrySumGroups(ages, Sex.Female, women, out var failed, out var why);
        AgeRange Range(int i) => new(ages.Start(i), ages.Start(i) + ages.Width(i));
        for (var i = 0; i < (summed ? ages.Count : failed); i++)
        {
            if (women[i] <= 0)
            {
                return DataResult<double>.Missing(Of(TotalFertility, region, year).Because(new($"no women aged {Range(i)}", $"没有 {Range(i)} 岁的女性")));
            }

            asfr[i] = births.Value.Total[i] / women[i];
        }

        if (!summed)
        {
            return DataResult<double>.Missing(Of(TotalFertility, region, year).Because(new Reason($"women aged {Range(failed)}", $"{Range(failed)} 岁女性人数").Because(why!)));
        }

        return DataResult<double>.Found(new FertilityRates(ages, asfr).TotalFertilityRate(), births.Provenance.Combine(pop.Provenance));
    }

    /// <summary>e0 from a period life table (<see cref="LifeTable"/>: Andreev–Kingkade 1a0, Lω = lω/mω) on
    /// mx = deaths / population, the population at the reference date standing in for the year's person-years
    /// (exact for a mid-year count, close for a year-end one in a slowly changing population).</summary>
    /// <remarks>Both sexes together use the male infant rules, as WPP's both-sexes tables and DemoTools do
    /// (see <see cref="LifeTableOptions.Sex"/>).</remarks>
    private DataResult<double> LifeExpectancy(Sex? sex, string region, int year)
    {
        var deaths = data.Counts(null, false, region, year);
        var pop = data.Counts(PopulationKind.Resident, false, region, year);
        DataResult<double> Missing(Reason why) => DataResult<double>.Missing(Of(("life expectancy", "预期寿命"), region, year).Because(why));
        if (!deaths.HasValue || !pop.HasValue)
        {
            return Missing((deaths.MissingReason ?? pop.MissingReason)!);
        }

        if (!deaths.Value.Ages.Equals(pop.Value.Ages))
        {
            return Missing(new($"deaths ({deaths.Value.Ages}) and population ({pop.Value.Ages}) are on different age groups",
                $"死亡数（{deaths.Value.Ages}）与人口（{pop.Value.Ages}）的年龄组不同"));
        }

        var d = sex is { } s ? deaths.Value.BySex?[s] : deaths.Value.Total;
        var p = sex is { } s2 ? pop.Value.BySex?[s2] : pop.Value.Total;
        if (d is null || p is null)
        {
            return Missing(new("deaths or population have no sex split", "死亡数或人口没有分性别数据"));
        }

        try
        {
            var e0 = LifeTable.LifeExpectancyAtBirth(d.Ages, d.Values, p.Values, sex == Sex.Female ? FemaleTable : MaleTable);
            return DataResult<double>.Found(e0, deaths.Provenance.Combine(pop.Provenance));
        }
        catch (ArgumentException e)
        {
            return Missing(new(e.Message, $"生命表无法计算（{e.Message}）"));
        }
    }

    private DataResult<double> Srb(string region, int year)
    {
        var births = Births(region, year);
        DataResult<double> Missing(Reason why) => DataResult<double>.Missing(Of(("sex ratio at birth", "出生人口性别比"), region, year).Because(why));
        if (!births.HasValue)
        {
            return Missing(births.MissingReason);
        }

        if (births.Value.BySex is not { } bySex)
        {
            return Missing(new("births have no sex split", "出生数没有分性别数据"));
        }

        var female = bySex.Female.Total();
        return female > 0
            ? DataResult<double>.Found(100 * bySex.Male.Total() / female, births.Provenance)
            : Missing(new("no female births", "没有女婴出生数"));
    }
}
