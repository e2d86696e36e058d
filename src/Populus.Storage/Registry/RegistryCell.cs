using Populus.Demography;

namespace Populus.Storage.Registry;

/// <summary>
/// One cell of the registry's count by age, sex, region and urban/rural: the persons alive on the count date.
/// <paramref name="Age"/> is completed years; the open age (100 by default) stands for that age and over.
/// </summary>
public readonly record struct RegistryCell(int Age, Sex Sex, int Region, UrbanRural UrbanRural, long Persons);
