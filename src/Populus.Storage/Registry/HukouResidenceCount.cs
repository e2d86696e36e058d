namespace Populus.Storage.Registry;

/// <summary>
/// For one region: persons living there (常住), persons whose hukou is there (户籍), and those who are both. Counts
/// cover the persons of the registry alive on the count date.
/// </summary>
public readonly record struct HukouResidenceCount(int Region, long Residents, long HukouHolders, long ResidentHukouHolders);
