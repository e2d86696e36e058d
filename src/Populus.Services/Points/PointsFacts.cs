using Populus.Services.People;

namespace Populus.Services.Points;

/// <summary>
/// What an applicant's points are computed from: qualifications, housing, the months with social-insurance
/// contributions, the day residence began, and dated events (awards, volunteering hours, blood donations,
/// violations, veto findings) each with a quantity.
/// </summary>
public sealed record PointsFacts
{
    public Education Education { get; init; }

    public ProfessionalTitle Title { get; init; }

    public SkillGrade Skill { get; init; }

    public Housing Housing { get; init; }

    /// <summary>Works in an occupation on the city's short-supply list (紧缺职业).</summary>
    public bool ShortSupply { get; init; }

    /// <summary>Capital invested in the city, CNY.</summary>
    public double InvestmentCny { get; init; }

    /// <summary>First day of continuous residence in the city; null when not resident.</summary>
    public DateOnly? ResidenceSince { get; init; }

    /// <summary>Months with a social-insurance contribution, as year × 12 + month − 1, ascending, no repeats.</summary>
    public IReadOnlyList<int> InsuranceMonths { get; init; } = [];

    public IReadOnlyList<PointsEvent> Events { get; init; } = [];

    public static int MonthIndex(int year, int month) => checked((year * 12) + month - 1);
}

/// <summary>A dated fact: <paramref name="Kind"/> such as award, volunteer_hours, blood_donation, violation, false_documents.</summary>
public sealed record PointsEvent(string Kind, DateOnly Date, double Quantity);
