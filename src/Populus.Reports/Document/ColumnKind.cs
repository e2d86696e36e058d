namespace Populus.Reports.Document;

/// <summary>What a table column holds: text (names, labels, years as labels) or numbers.</summary>
public enum ColumnKind
{
    Text,
    Number,
}
