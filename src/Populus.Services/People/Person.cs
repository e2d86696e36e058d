namespace Populus.Services.People;

/// <summary>
/// What a rule may ask about a person. Every attribute is optional: a rule that needs a missing one is neither met
/// nor failed but "not known", and the answer says what to give.
/// </summary>
public sealed record Person
{
    public DateOnly? BirthDate { get; init; }

    public Education? Education { get; init; }

    public ProfessionalTitle? Title { get; init; }

    public SkillGrade? Skill { get; init; }

    /// <summary>Year the highest degree or diploma was obtained.</summary>
    public int? GraduationYear { get; init; }

    public Employment? Employment { get; init; }

    public EmployerSize? EmployerSize { get; init; }

    /// <summary>Newly come to the city to work (新来温).</summary>
    public bool? NewArrival { get; init; }

    public Hukou? Hukou { get; init; }

    public PermitHolding? ResidencePermit { get; init; }

    public int? Children { get; init; }

    /// <summary>Age in completed years of the youngest child.</summary>
    public int? YoungestChildAge { get; init; }

    public Housing? Housing { get; init; }

    /// <summary>For a tenant: the owner agrees to the household being registered at the home.</summary>
    public bool? OwnerConsent { get; init; }

    /// <summary>Meets the conditions for public rental or shared-ownership housing (公租房、共有产权住房保障条件).</summary>
    public bool? HousingSupportEligible { get; init; }

    /// <summary>A category recognised by the talent system (人才码); F may also follow from the rules.</summary>
    public TalentCategory? TalentCategory { get; init; }

    /// <summary>Age in completed years on <paramref name="day"/>.</summary>
    public int? AgeOn(DateOnly day)
    {
        if (BirthDate is not { } birth)
        {
            return null;
        }

        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }
}
