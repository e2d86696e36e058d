using System.Globalization;
using System.Text.Json;
using Populus.Planning.Data;
using Populus.Storage.Tabular;

namespace Populus.Services.People;

/// <summary>
/// Reads a person's attributes from JSON (snake_case fields: birth_date, education, title, skill, graduation_year,
/// employment, employer_size, new_arrival, hukou, residence_permit, children, youngest_child_age, housing,
/// owner_consent, housing_support_eligible, talent_category). Every field is optional; every bad or unknown field
/// is reported, with the reason, and nothing is read.
/// </summary>
public static class PersonReader
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "birth_date", "education", "title", "skill", "graduation_year", "employment", "employer_size", "new_arrival", "hukou",
        "residence_permit", "children", "youngest_child_age", "housing", "owner_consent", "housing_support_eligible", "talent_category",
    ];

    /// <param name="day">The day the rules are asked for: a birth date after it is refused (no rule asks about a person
    /// not yet born, and an age below zero would meet every "under N").</param>
    /// <exception cref="InvalidInputException">Every problem of the file.</exception>
    public static Person Load(string path, DateOnly day) => Parse(path, File.ReadAllText(path), day);

    /// <inheritdoc cref="Load"/>
    public static Person Parse(string fileName, string json, DateOnly day)
    {
        var errors = new List<InputError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(new InputError(fileName, 0, null, null, $"not valid JSON: {ex.Message}", $"不是有效的 JSON：{ex.Message}"));
        }

        using (document)
        {
            var f = new JsonFields(document.RootElement, "", (field, value, reason) => errors.Add(new InputError(fileName, 0, field, value, reason.English, reason.Chinese)));
            f.RefuseUnknown([.. Fields]);
            if (errors.Count > 0 && document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException(errors);
            }

            var person = new Person
            {
                BirthDate = f.Date("birth_date", required: false),
                Education = f.Code<Education>("education", required: false),
                Title = f.Code<ProfessionalTitle>("title", required: false),
                Skill = f.Code<SkillGrade>("skill", required: false),
                GraduationYear = f.Integer("graduation_year", 1940, 2100, required: false),
                Employment = f.Code<Employment>("employment", required: false),
                EmployerSize = f.Code<EmployerSize>("employer_size", required: false),
                NewArrival = f.Boolean("new_arrival", required: false),
                Hukou = f.Code<Hukou>("hukou", required: false),
                ResidencePermit = f.Code<PermitHolding>("residence_permit", required: false),
                Children = f.Integer("children", 0, 20, required: false),
                YoungestChildAge = f.Integer("youngest_child_age", 0, 30, required: false),
                Housing = f.Code<Housing>("housing", required: false),
                OwnerConsent = f.Boolean("owner_consent", required: false),
                HousingSupportEligible = f.Boolean("housing_support_eligible", required: false),
                TalentCategory = f.Code<TalentCategory>("talent_category", required: false),
            };
            if (person.BirthDate is { } born && born > day)
            {
                f.Fail("birth_date", born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), new Reason($"after {day:yyyy-MM-dd}, the day the rules are asked for: a birth date is on or before it",
                    $"晚于查询政策的日期 {day:yyyy-MM-dd}：出生日期应不晚于该日"));
            }

            if (person.YoungestChildAge is not null && person.Children is 0)
            {
                f.Fail("youngest_child_age", person.YoungestChildAge.ToString(), new Reason("given, but children is 0", "已填写，但子女数 children 为 0"));
            }

            if (errors.Count > 0)
            {
                throw new InvalidInputException(errors);
            }

            return person;
        }
    }
}
