namespace Populus.Demography.Projection;

/// <summary>Persons added back to keep one cell of the population from going negative during the step that starts in <paramref name="Year"/>.</summary>
/// <param name="Year">Start year of the step.</param>
/// <param name="State">The state.</param>
/// <param name="Sex">The sex.</param>
/// <param name="AgeIndex">The age group (on the projection grid) that would have gone negative.</param>
/// <param name="Persons">How many persons were added back (positive): more emigrants or movers were asked for than there were people.</param>
public readonly record struct ClippedCount(int Year, int State, Sex Sex, int AgeIndex, double Persons);
