namespace Populus.Planning.Catalogue;

/// <summary>A catalogue, target or reported-figure text was refused; <see cref="Errors"/> lists every problem
/// found, not only the first.</summary>
public sealed class CatalogueException : Exception
{
    public CatalogueException(string source, IReadOnlyList<CatalogueError> errors)
        : base(Describe(source, errors))
    {
        SourceName = source;
        Errors = errors;
    }

    /// <summary>The refused text (file name).</summary>
    public string SourceName { get; }

    public IReadOnlyList<CatalogueError> Errors { get; }

    private static string Describe(string source, IReadOnlyList<CatalogueError> errors) =>
        $"{source} was refused ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
