using Populus.Demography;
using Populus.Planning.Data;

namespace Populus.Planning.Formulas;

/// <summary>A node of a parsed formula.</summary>
internal abstract record FormulaNode;

internal sealed record NumberNode(double Value) : FormulaNode;

internal sealed record NegateNode(FormulaNode Operand) : FormulaNode;

internal sealed record BinaryNode(char Operator, FormulaNode Left, FormulaNode Right) : FormulaNode;

/// <summary>A data function call with its filters already resolved.</summary>
/// <param name="SeriesName">The series named by <c>series(name)</c>, else null.</param>
internal sealed record CallNode(
    FormulaFunction Function,
    AgeRange Ages,
    Sex? Sex,
    string? Region,
    EducationLevel MinimumLevel,
    string? SeriesName) : FormulaNode;
