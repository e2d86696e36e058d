namespace Populus.Reports.Document;

/// <summary>One table cell: text, a number, or empty (a figure not available).</summary>
/// <remarks>Implicit conversions let rows be written as collection literals: <c>["鹿城区", 123.4]</c>.</remarks>
public readonly struct TableCell : IEquatable<TableCell>
{
    private TableCell(string? text, double? number)
    {
        Text = text;
        Number = number;
    }

    public static TableCell Empty => default;

    /// <summary>The text, for a text cell.</summary>
    public string? Text { get; }

    /// <summary>The value, for a number cell.</summary>
    public double? Number { get; }

    public bool IsEmpty => Text is null && Number is null;

    /// <exception cref="ArgumentNullException">The text is null (use <see cref="Empty"/>).</exception>
    public static TableCell Of(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite (use <see cref="Empty"/>).</exception>
    public static TableCell Of(double number) => double.IsFinite(number)
        ? new TableCell(null, number)
        : throw new ArgumentOutOfRangeException(nameof(number), number,
            $"number = {number}: a table cell must be finite; use TableCell.Empty for a missing figure.");

    /// <summary>A number, or <see cref="Empty"/> when <paramref name="number"/> is null.</summary>
    public static TableCell Of(double? number) => number is { } n ? Of(n) : Empty;

    public static implicit operator TableCell(string text) => Of(text);

    public static implicit operator TableCell(double number) => Of(number);

    public static implicit operator TableCell(double? number) => Of(number);

    public bool Equals(TableCell other) => Text == other.Text && Number.Equals(other.Number);

    public override bool Equals(object? obj) => obj is TableCell other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Text, Number);

    public static bool operator ==(TableCell left, TableCell right) => left.Equals(right);

    public static bool operator !=(TableCell left, TableCell right) => !left.Equals(right);

    public override string ToString() => Text ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
