namespace Populus.Storage;

/// <summary>What a stored figure is: counted, estimated from other figures, or the output of a projection.</summary>
public enum FigureKind
{
    /// <summary>Counted or reported: a census, a survey, a register, a department's report.</summary>
    Observed,

    /// <summary>Derived from other figures (interpolated, adjusted, back-cast).</summary>
    Estimated,

    /// <summary>Computed for a future (or counterfactual) date by a projection.</summary>
    Projected,
}

/// <summary>Codes of <see cref="FigureKind"/> in files and in the database.</summary>
public static class FigureKinds
{
    public static string Code(this FigureKind kind) => kind switch
    {
        FigureKind.Observed => "observed",
        FigureKind.Estimated => "estimated",
        _ => "projected",
    };

    public static bool TryParse(string? text, out FigureKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "observed":
                kind = FigureKind.Observed;
                return true;
            case "estimated":
                kind = FigureKind.Estimated;
                return true;
            case "projected":
                kind = FigureKind.Projected;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
