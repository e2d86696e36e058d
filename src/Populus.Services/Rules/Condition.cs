using Populus.Services.People;

namespace Populus.Services.Rules;

/// <summary>
/// A rule's condition: alternatives separated by <c>|</c>, each a conjunction of comparisons separated by <c>&amp;</c>
/// (<c>age&lt;35 &amp; education=secondary_vocational</c>), or <c>*</c> for always. Parsed once, when the rule
/// file is read, so a misspelt attribute or value is refused with the file's other problems.
/// </summary>
public sealed class Condition
{
    private readonly Comparison[][] _alternatives;

    private Condition(string text, Comparison[][] alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <summary>Every attribute the condition reads.</summary>
    public IEnumerable<string> Attributes => _alternatives.SelectMany(a => a).Select(c => c.Attribute.Name).Distinct();

    /// <summary>Reads a condition; null with the reason when it cannot be read.</summary>
    public static Condition? TryParse(string text, out string reason)
    {
        reason = "";
        var trimmed = text.Trim();
        if (trimmed == "*")
        {
            return new Condition(trimmed, [[]]);
        }

        var alternatives = new List<Comparison[]>();
        foreach (var alternative in trimmed.Split('|'))
        {
            var comparisons = new List<Comparison>();
            foreach (var atom in alternative.Split('&'))
            {
                if (Comparison.TryParse(atom.Trim(), out var comparison, out reason))
                {
                    comparisons.Add(comparison);
                }
                else
                {
                    return null;
                }
            }

            alternatives.Add([.. comparisons]);
        }

        return new Condition(trimmed, [.. alternatives]);
    }

    /// <summary>
    /// Met if one alternative has every comparison true; failed if every alternative has a false comparison; else
    /// not known (some alternative lacks values, which <see cref="ConditionResult.Missing"/> names).
    /// </summary>
    public ConditionResult Evaluate(Person person, DateOnly day)
    {
        var failures = new List<ConditionCheck>();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var alternative in _alternatives)
        {
            var held = new List<ConditionCheck>(alternative.Length);
            var failed = false;
            var unknown = new List<string>();
            foreach (var comparison in alternative)
            {
                var value = comparison.Attribute.ValueOf(person, day);
                if (value is null)
                {
                    unknown.Add(comparison.Attribute.Field);
                    continue;
                }

                var check = comparison.Check(value.Value);
                if (check.Held)
                {
                    held.Add(check);
                }
                else
                {
                    failures.Add(check);
                    failed = true;
                    break;
                }
            }

            if (failed)
            {
                continue;
            }

            if (unknown.Count == 0)
            {
                return new ConditionResult(Outcome.Met, held, []);
            }

            missing.UnionWith(unknown);
        }

        return missing.Count > 0
            ? new ConditionResult(Outcome.NotKnown, [], [.. missing])
            : new ConditionResult(Outcome.NotMet, [.. failures.Distinct()], []);
    }

    public override string ToString() => Text;

    private sealed record Comparison(PersonAttribute Attribute, string Operator, double Value)
    {
        private static readonly string[] Operators = [">=", "<=", "!=", "=", "<", ">"];

        public ConditionCheck Check(double value) =>
            new(Attribute.Name, Attribute.Format(value), Operator, Attribute.Format(Value), Holds(value));

        private bool Holds(double value)
        {
            if (Attribute.Kind == AttributeKind.Ladder && Operator is not ("=" or "!="))
            {
                return Compare(Attribute.Rank(value), Attribute.Rank(Value));
            }

            return Compare(value, Value);
        }

        private bool Compare(double left, double right) => Operator switch
        {
            ">=" => left >= right,
            "<=" => left <= right,
            ">" => left > right,
            "<" => left < right,
            "=" => left == right,
            _ => left != right,
        };

        public static bool TryParse(string atom, out Comparison comparison, out string reason)
        {
            comparison = null!;
            var op = Operators.Select(o => (Op: o, At: atom.IndexOf(o, StringComparison.Ordinal))).Where(x => x.At > 0).OrderBy(x => x.At).ThenByDescending(x => x.Op.Length).FirstOrDefault();
            if (op.Op is null)
            {
                reason = $"'{atom}' is not a comparison (write attribute, one of {string.Join(" ", Operators)}, value)";
                return false;
            }

            var name = atom[..op.At].Trim();
            var valueText = atom[(op.At + op.Op.Length)..].Trim();
            if (!PersonAttribute.All.TryGetValue(name, out var attribute))
            {
                reason = $"'{name}' is not an attribute (known: {PersonAttribute.Names})";
                return false;
            }

            if (!attribute.IsOrdered && op.Op is not ("=" or "!="))
            {
                reason = $"'{atom}': {name} is compared only with = or !=";
                return false;
            }

            if (!attribute.TryParseValue(valueText, out var value, out reason))
            {
                reason = $"'{atom}': {reason}";
                return false;
            }

            comparison = new Comparison(attribute, op.Op, value);
            return true;
        }
    }
}

/// <summary>Whether a condition holds for a person.</summary>
public enum Outcome
{
    Met,
    NotMet,
    NotKnown,
}

/// <summary>
/// A condition's outcome and why: met, the comparisons of the alternative that held (none when the rule applies to
/// everyone); not met, the first comparison that failed in each alternative; not known, the fields to give.
/// </summary>
public sealed record ConditionResult(Outcome Outcome, IReadOnlyList<ConditionCheck> Checks, IReadOnlyList<string> Missing)
{
    /// <summary>Why, in the rule book's words: "education master meets education&gt;=junior_college; …".</summary>
    public string Reason => Outcome switch
    {
        Outcome.Met when Checks.Count == 0 => "applies to everyone",
        Outcome.NotKnown => $"not known without {string.Join(", ", Missing)}",
        _ => string.Join("; ", Checks),
    };
}
