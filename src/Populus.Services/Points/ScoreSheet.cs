namespace Populus.Services.Points;

/// <summary>One applicant's itemised score: every item with the value it read, the points and why.</summary>
/// <param name="Table">The points table cited (id and version).</param>
/// <param name="Vetoes">The veto items found; any makes the applicant ineligible whatever the score.</param>
public sealed record ScoreSheet(
    string ApplicationId,
    string Table,
    DateOnly Day,
    IReadOnlyList<ItemScore> Items,
    double Total,
    double PassMark,
    IReadOnlyList<string> Vetoes)
{
    public bool Vetoed => Vetoes.Count > 0;

    /// <summary>At or above the pass mark and without a veto.</summary>
    public bool Passed => !Vetoed && Total >= PassMark;
}

/// <summary>One item of a score: the value read (a code, a count in the window), the points given and why.</summary>
/// <param name="Note">Why, in English ("30 months paid in the last 48: below the minimum 36, no points").</param>
/// <param name="NoteZh">The same in Chinese (近 48 个月缴费 30 个月：低于最低要求 36，不计分); null in a score stored before
/// notes were worded in Chinese too (a stored score is never rewritten: a new scoring gives it).</param>
public sealed record ItemScore(string ItemId, PointsGroup Group, string Value, double Points, string Note, string Evidence, string? NoteZh);
