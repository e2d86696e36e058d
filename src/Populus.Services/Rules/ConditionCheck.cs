namespace Populus.Services.Rules;

/// <summary>
/// One comparison of a rule's condition checked against a person's value, kept in parts so that an answer can be
/// told in the reader's language ("学历硕士研究生，符合学历不低于大专") as well as in the rule book's own words.
/// </summary>
/// <param name="Attribute">The attribute compared: age, education, hukou, … (<see cref="PersonAttribute"/>).</param>
/// <param name="Value">The person's value as rules write it: a number, a code (master), yes or no.</param>
/// <param name="Operator">&gt;=, &lt;=, &gt;, &lt;, = or !=.</param>
/// <param name="Threshold">The value the rule compares with, as rules write it.</param>
/// <param name="Held">Whether the comparison held.</param>
public sealed record ConditionCheck(string Attribute, string Value, string Operator, string Threshold, bool Held)
{
    /// <summary>The comparison as rules write it: education&gt;=junior_college.</summary>
    public string Comparison => Attribute + Operator + Threshold;

    /// <summary>education master meets education&gt;=junior_college.</summary>
    public override string ToString() => $"{Attribute} {Value} {(Held ? "meets" : "does not meet")} {Comparison}";
}
