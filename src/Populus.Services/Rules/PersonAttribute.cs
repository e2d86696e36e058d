using System.Collections.Frozen;
using Populus.Services.People;

namespace Populus.Services.Rules;

/// <summary>
/// An attribute a rule's condition may name, with how its values compare. Ladders (education, title, skill, employer
/// size, talent category) compare by level with &lt; &lt;= &gt; &gt;= and by identity with = and !=; numbers compare
/// as numbers; other codes and yes/no only with = and !=.
/// </summary>
internal sealed class PersonAttribute
{
    private readonly Func<Person, DateOnly, double?> _value;
    private readonly Func<int, int>? _rank;
    private readonly string[]? _codes;

    private PersonAttribute(string name, AttributeKind kind, Func<Person, DateOnly, double?> value, string[]? codes, Func<int, int>? rank)
    {
        Name = name;
        Kind = kind;
        _value = value;
        _codes = codes;
        _rank = rank;
    }

    public string Name { get; }

    public AttributeKind Kind { get; }

    /// <summary>The Person field a missing value is given in, for "give …" messages.</summary>
    public string Field => Name switch
    {
        "age" => "birth_date",
        "years_since_graduation" => "graduation_year",
        _ => Name,
    };

    public static readonly FrozenDictionary<string, PersonAttribute> All = new PersonAttribute[]
    {
        Number("age", (p, d) => p.AgeOn(d)),
        Ladder("education", p => p.Education, e => ((Education)e).Rank()),
        Ladder<ProfessionalTitle>("title", p => p.Title),
        Ladder<SkillGrade>("skill", p => p.Skill),
        Number("years_since_graduation", (p, d) => p.GraduationYear is { } y ? d.Year - y : null),
        Choice("employment", p => p.Employment),
        Ladder<EmployerSize>("employer_size", p => p.EmployerSize),
        YesNo("new_arrival", p => p.NewArrival),
        Choice("hukou", p => p.Hukou),
        Choice("residence_permit", p => p.ResidencePermit),
        Number("children", (p, _) => p.Children),
        Number("youngest_child_age", (p, _) => p.YoungestChildAge),
        Choice("housing", p => p.Housing),
        YesNo("owner_consent", p => p.OwnerConsent),
        YesNo("housing_support_eligible", p => p.HousingSupportEligible),
        Ladder<TalentCategory>("talent_category", p => p.TalentCategory),
    }.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>Every attribute name, for messages.</summary>
    public static string Names => string.Join(", ", All.Keys.Order(StringComparer.Ordinal));

    public bool IsOrdered => Kind is AttributeKind.Number or AttributeKind.Ladder;

    /// <summary>The value on <paramref name="day"/> (an enum's ordinal for coded attributes), or null when not given.</summary>
    public double? ValueOf(Person person, DateOnly day) => _value(person, day);

    /// <summary>The level of a coded value, for ordered comparisons of ladders.</summary>
    public int Rank(double ordinal) => _rank is null ? (int)ordinal : _rank((int)ordinal);

    /// <summary>Reads a value written in a rule: a number, a code of the attribute's type, or yes/no.</summary>
    public bool TryParseValue(string text, out double value, out string reason)
    {
        reason = "";
        switch (Kind)
        {
            case AttributeKind.Number:
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value))
                {
                    return true;
                }

                reason = $"{Name} is a number";
                return false;
            case AttributeKind.YesNo:
                value = text.ToLowerInvariant() switch { "yes" or "true" => 1, "no" or "false" => 0, _ => -1 };
                reason = $"{Name} is yes or no";
                return value >= 0;
            default:
                var index = Array.FindIndex(_codes!, c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                value = index;
                reason = $"{Name} is one of {string.Join(", ", _codes!)}";
                return index >= 0;
        }
    }

    /// <summary>A value as written in rules and answers.</summary>
    public string Format(double value) => Kind switch
    {
        AttributeKind.Number => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AttributeKind.YesNo => value != 0 ? "yes" : "no",
        _ => _codes![(int)value],
    };

    private static PersonAttribute Number(string name, Func<Person, DateOnly, int?> value) =>
        new(name, AttributeKind.Number, (p, d) => value(p, d), null, null);

    private static PersonAttribute YesNo(string name, Func<Person, bool?> value) =>
        new(name, AttributeKind.YesNo, (p, _) => value(p) is { } b ? (b ? 1 : 0) : null, null, null);

    private static PersonAttribute Choice<T>(string name, Func<Person, T?> value)
        where T : struct, Enum =>
        new(name, AttributeKind.Choice, (p, _) => value(p) is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null,
            [.. Enum.GetValues<T>().Select(Codes<T>.Code)], null);

    private static PersonAttribute Ladder<T>(string name, Func<Person, T?> value, Func<int, int>? rank = null)
        where T : struct, Enum =>
        new(name, AttributeKind.Ladder, (p, _) => value(p) is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null,
            [.. Enum.GetValues<T>().Select(Codes<T>.Code)], rank);
}

/// <summary>How an attribute's values compare.</summary>
internal enum AttributeKind
{
    Number,
    Ladder,
    Choice,
    YesNo,
}
