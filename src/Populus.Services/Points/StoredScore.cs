namespace Populus.Services.Points;

/// <summary>A score as kept: its revision, the table and day it was made with, the items, and why it was made (first scoring or a review).</summary>
public sealed record StoredScore(
    string ApplicationId,
    int Revision,
    string Table,
    DateOnly Day,
    IReadOnlyList<ItemScore> Items,
    double Total,
    bool Passed,
    bool Vetoed,
    string Reason);
