namespace Populus.Storage;

/// <summary>Where a stored figure comes from. Every figure in the store references one.</summary>
/// <param name="Kind">Observed, estimated or projected.</param>
/// <param name="SourceId">A short key of the source (e.g. "S02" in data/wenzhou/sources.csv).</param>
/// <param name="SourceTitle">The source's title, when known.</param>
/// <param name="Publisher">Who published it, when known.</param>
/// <param name="Published">The publication date, when known.</param>
/// <param name="Confidence">A rating such as high / medium / low, when given.</param>
/// <param name="Note">Anything a reader of the figure should know (definition, boundary, rounding).</param>
public sealed record Provenance(
    FigureKind Kind,
    string SourceId,
    string? SourceTitle = null,
    string? Publisher = null,
    DateOnly? Published = null,
    string? Confidence = null,
    string? Note = null);
