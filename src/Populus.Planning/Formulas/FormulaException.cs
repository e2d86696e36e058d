namespace Populus.Planning.Formulas;

/// <summary>A formula could not be read: the message names the position and what was expected.</summary>
public sealed class FormulaException : Exception
{
    public FormulaException(string formula, int position, string reason)
        : base($"formula '{formula}' at position {position + 1}: {reason}")
    {
        Formula = formula;
        Position = position;
        Reason = reason;
    }

    public string Formula { get; }

    /// <summary>0-based character position of the problem.</summary>
    public int Position { get; }

    public string Reason { get; }
}
