using Populus.Demography;
using Populus.Planning.Data;

namespace Populus.Storage.Registry;

/// <summary>
/// One person of the registry: identity number, the sex and birth date it codes, hukou and residence regions,
/// urban or rural residence, education and residence permit. Names and addresses are not held.
/// </summary>
/// <remarks>
/// Sex and birth date are stored beside the identity number (they drive every count) and must agree with it:
/// GB 11643-1999 codes both, so a disagreement is a data error, refused here rather than counted.
/// <see cref="ToString"/> shows the masked number only.
/// </remarks>
public sealed record Person
{
    /// <summary>Creates a person, checking that sex and birth date agree with the identity number.</summary>
    /// <exception cref="ArgumentException">The number is missing or disagrees with sex or birth date.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An identifier, region, enum value or death date is out of range.</exception>
    public Person(long personId, NationalIdNumber nationalId, Sex sex, DateOnly birthDate, int hukouRegion,
        int residenceRegion, UrbanRural urbanRural, EducationLevel education, ResidencePermitStatus residencePermit,
        DateOnly? deathDate = null)
    {
        if (personId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(personId), personId, "person identifiers are positive");
        }

        if (nationalId.IsDefault)
        {
            throw new ArgumentException("an identity number is required", nameof(nationalId));
        }

        if (nationalId.Sex != sex)
        {
            throw new ArgumentException(
                $"sex {sex} disagrees with identity number {nationalId}, whose sequence code is {(sex == Sex.Male ? "even (female)" : "odd (male)")}",
                nameof(sex));
        }

        if (nationalId.BirthDate != birthDate)
        {
            throw new ArgumentException(
                $"birth date {birthDate:yyyy-MM-dd} disagrees with identity number {nationalId}, which codes {nationalId.BirthDate:yyyy-MM-dd}",
                nameof(birthDate));
        }

        if (deathDate < birthDate)
        {
            throw new ArgumentOutOfRangeException(nameof(deathDate), deathDate, "death cannot come before birth");
        }

        PersonId = personId;
        NationalId = nationalId;
        Sex = Enum.IsDefined(sex) ? sex : throw new ArgumentOutOfRangeException(nameof(sex), sex, "not a sex");
        BirthDate = birthDate;
        HukouRegion = RegionCodes.Validate(hukouRegion, nameof(hukouRegion));
        ResidenceRegion = RegionCodes.Validate(residenceRegion, nameof(residenceRegion));
        UrbanRural = Enum.IsDefined(urbanRural) ? urbanRural
            : throw new ArgumentOutOfRangeException(nameof(urbanRural), urbanRural, "not an urban/rural class");
        Education = Enum.IsDefined(education) ? education
            : throw new ArgumentOutOfRangeException(nameof(education), education, "not an education level");
        ResidencePermit = Enum.IsDefined(residencePermit) ? residencePermit
            : throw new ArgumentOutOfRangeException(nameof(residencePermit), residencePermit, "not a permit status");
        DeathDate = deathDate;
    }

    /// <summary>The registry's own identifier (positive; never derived from the identity number).</summary>
    public long PersonId { get; }

    /// <summary>The citizen identity number (masked when printed).</summary>
    public NationalIdNumber NationalId { get; }

    public Sex Sex { get; }

    public DateOnly BirthDate { get; }

    /// <summary>GB/T 2260 code of the region where the hukou is registered.</summary>
    public int HukouRegion { get; }

    /// <summary>GB/T 2260 code of the region of usual residence.</summary>
    public int ResidenceRegion { get; }

    /// <summary>Urban or rural place of residence.</summary>
    public UrbanRural UrbanRural { get; }

    /// <summary>Highest level of education attended.</summary>
    public EducationLevel Education { get; }

    public ResidencePermitStatus ResidencePermit { get; }

    /// <summary>Date of death, if the person has died.</summary>
    public DateOnly? DeathDate { get; }
}
