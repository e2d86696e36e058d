namespace Populus.Services.People;

/// <summary>Whether and how a person works (全职 is full time).</summary>
public enum Employment
{
    None,
    FullTime,
    PartTime,
}
