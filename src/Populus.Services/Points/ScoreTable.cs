namespace Populus.Services.Points;

/// <summary>Scores of many applicants: totals, vetoes, and every item's points, in arrays (applicant-major).</summary>
public sealed class ScoreTable
{
    private readonly PointsScorer _scorer;
    private readonly double[] _points;
    private readonly double[] _values;

    internal ScoreTable(PointsScorer scorer, ApplicantTable applicants, DateOnly day, double[] totals, bool[] vetoed, double[] points,
        double[] values, int[] residenceDays, int[] insuranceMonths)
    {
        _scorer = scorer;
        Applicants = applicants;
        Day = day;
        Totals = totals;
        Vetoed = vetoed;
        _points = points;
        _values = values;
        ResidenceDays = residenceDays;
        InsuranceMonths = insuranceMonths;
    }

    public ApplicantTable Applicants { get; }

    public DateOnly Day { get; }

    public int Count => Totals.Length;

    public double[] Totals { get; }

    public bool[] Vetoed { get; }

    /// <summary>Days of residence to the scoring day (a tie-breaker).</summary>
    public int[] ResidenceDays { get; }

    /// <summary>Every month with a contribution before the scoring month, whatever the window (a tie-breaker).</summary>
    public int[] InsuranceMonths { get; }

    public double PassMark => _scorer.Table.PassMark;

    public bool Passed(int index) => !Vetoed[index] && Totals[index] >= PassMark;

    /// <summary>The same applicants with totals and vetoes as stored after review (items are those computed).</summary>
    internal ScoreTable WithStored(double[] totals, bool[] vetoed) =>
        new(_scorer, Applicants, Day, totals, vetoed, _points, _values, ResidenceDays, InsuranceMonths);

    /// <summary>The itemised sheet of one applicant.</summary>
    public ScoreSheet Sheet(int index)
    {
        var items = _scorer.Table.Items.Count;
        var lines = new ItemScore[items];
        var vetoes = new List<string>();
        for (var k = 0; k < items; k++)
        {
            lines[k] = _scorer.Describe(k, _values[(index * items) + k], _points[(index * items) + k]);
            if (lines[k].Group == PointsGroup.Veto && _values[(index * items) + k] > 0)
            {
                vetoes.Add(lines[k].ItemId);
            }
        }

        return new ScoreSheet(Applicants.Id(index), _scorer.Table.Citation, Day, lines, Totals[index], PassMark, vetoes);
    }
}
