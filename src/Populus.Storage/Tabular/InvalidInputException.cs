namespace Populus.Storage.Tabular;

/// <summary>Input was refused. Carries every problem found, not just the first, so a user can fix a file in one pass.</summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>How many problems the message lists before summarising the rest.</summary>
    private const int MessageLimit = 20;

    public InvalidInputException(IReadOnlyList<InputError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public InvalidInputException(InputError error)
        : this([error])
    {
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    private static string Describe(IReadOnlyList<InputError> errors)
    {
        var lines = errors.Take(MessageLimit).Select(e => "  " + e);
        var more = errors.Count > MessageLimit ? $"{Environment.NewLine}  … and {errors.Count - MessageLimit} more" : "";
        var noun = errors.Count == 1 ? "problem" : "problems";
        return $"Input refused, {errors.Count} {noun}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
