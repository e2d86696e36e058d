namespace Populus.Services.People;

/// <summary>Where a person's household registration (户籍) is: in the city, or elsewhere.</summary>
public enum Hukou
{
    Local,
    Nonlocal,
}
