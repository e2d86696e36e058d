namespace Populus.Planning.Catalogue;

/// <summary>One refused field of a catalogue, target or reported-figure file: which file, entry, field and value,
/// and why.</summary>
public sealed record CatalogueError(string Source, string Entry, string Field, string Value, string Reason)
{
    public override string ToString() => $"{Source}: {Entry}, field '{Field}' = '{Value}': {Reason}.";
}
