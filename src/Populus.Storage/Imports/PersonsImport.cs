using System.Globalization;
using Populus.Demography;
using Populus.Planning.Data;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Storage.Imports;

/// <summary>
/// Person-level registry records: one row a person, stored in the registry tables with the identity number hashed and
/// sealed under the registry key (docs/registry.md). New persons get person_ids after the largest in use.
/// </summary>
/// <remarks>
/// An identity number never appears in a problem report: the value shown is masked (<see cref="NationalIdNumber.Mask"/>)
/// and no reason on the national_id column names the birth date it codes, since the masked form hides exactly that.
/// Sex and birth date must agree with the number (GB 11643-1999 codes both); a number may appear once in the file and
/// must not be registered already. Regions are 6-digit GB/T 2260 codes: the residence a county-level unit of the
/// store's region table, current today; the hukou any province-level prefix, and a unit of that table when it lies
/// in the plan's city (its codes' first four digits: 3303xx for Wenzhou).
/// </remarks>
internal sealed class PersonsImport : ImportKind
{
    public override string Name => "persons";

    public override string Summary => "person-level registry records (identity number hashed and sealed under the registry key)";


    public override string SummaryZh => "人员登记记录（身份证号经哈希并以登记库密钥加密保存）";

    public override string[] RequiredColumns =>
        ["national_id", "sex", "birth_date", "hukou_region", "residence_region", "urban_rural", "education", "permit_status"];

    public override bool HoldsPersonalData => true;

    public override int Load(ImportSession session)
    {
        var table = session.Table;
        var today = session.Today;
        var rows = new List<(int Row, NationalIdNumber Id, Sex Sex, DateOnly Birth, int Hukou, int Residence, UrbanRural Urban, EducationLevel Education, ResidencePermitStatus Permit)>();
        var firstRowOf = new Dictionary<NationalIdNumber, int>();
        foreach (var record in table.Records())
        {
            var id = NationalId(record, today);
            var sex = SexOf(record);
            var birth = Date(record, "birth_date", today);
            var hukou = Region(record, "hukou_region", session, residence: false, today.Year);
            var residence = Region(record, "residence_region", session, residence: true, today.Year);
            var urban = Choice(record, "urban_rural", ParseUrbanRural, "urban (城镇) or rural (乡村)");
            var education = Choice(record, "education", ParseEducation,
                "a census level: no_schooling, preschool, primary, junior_secondary, senior_secondary, vocational_secondary, junior_college, bachelor, master, doctorate (or 未上过学 … 博士)");
            var permit = Choice(record, "permit_status", ParsePermit, "not_required, valid, expired or not_held");
            if (id is not { } number)
            {
                continue;
            }

            if (sex is { } s && s != number.Sex)
            {
                record.Fail("sex", record.Text("sex"), new Reason(
                    $"disagrees with the identity number, whose sequence code is {(number.Sex == Sex.Male ? "odd (male)" : "even (female)")}",
                    $"与身份证号不一致：其顺序码为{(number.Sex == Sex.Male ? "奇数（男）" : "偶数（女）")}"));
                sex = null;
            }

            if (birth is { } b && b != number.BirthDate)
            {
                // The number's own date is not named: with the masked number it would disclose the whole number.
                record.Fail("birth_date", record.Text("birth_date"), new Reason("disagrees with the birth date coded in the identity number (characters 7–14)", "与身份证号（第 7–14 位）所载出生日期不一致"));
                birth = null;
            }

            if (firstRowOf.TryGetValue(number, out var first))
            {
                record.Fail("national_id", number.ToString(), new Reason($"duplicate identity number: row {first} has the same number", $"身份证号重复：第 {first} 行为同一号码"));
                continue;
            }

            firstRowOf[number] = record.Row;
            if (sex is null || birth is null || hukou is null || residence is null || urban is null || education is null || permit is null)
            {
                continue;
            }

            rows.Add((record.Row, number, sex.Value, birth.Value, hukou.Value, residence.Value, urban.Value, education.Value, permit.Value));
        }

        return session.WithRegistry(registry =>
        {
            var registered = registry.FindRegistered(rows.Select(r => r.Id).ToList());
            foreach (var (index, personId) in registered.OrderBy(r => r.Key))
            {
                table.AddError(rows[index].Row, "national_id", rows[index].Id.ToString(), new Reason($"this identity number is already registered (person {personId})", $"该身份证号已登记（人员 {personId}）"));
            }

            table.ThrowIfInvalid();
            if (rows.Count == 0)
            {
                table.AddError(0, null, null, CsvTable.NoDataRows);
                table.ThrowIfInvalid();
            }

            var next = registry.MaxPersonId();
            var persons = rows.Select(r => new Person(++next, r.Id, r.Sex, r.Birth, r.Hukou, r.Residence, r.Urban, r.Education, r.Permit));
            registry.LoadWithin(session.Transaction, persons);
            session.BatchId(rows.Count);
            return rows.Count;
        });
    }

    /// <summary>The row's national_id, or null (with the problem reported, the number masked).</summary>
    internal static NationalIdNumber? NationalId(CsvRecord record, DateOnly today)
    {
        var text = record.Text("national_id");
        if (text is null)
        {
            record.Fail("national_id", null, new Reason("an identity number is required", "必须填写身份证号"));
            return null;
        }

        var result = NationalIdNumber.Parse(text, today);
        if (result.IsValid)
        {
            return result.Value;
        }

        record.Fail("national_id", NationalIdNumber.Mask(text), result.Refusal(today));
        return null;
    }

    private static Sex? SexOf(CsvRecord record)
    {
        var text = record.RequiredText("sex");
        if (text is null)
        {
            return null;
        }

        if (SexCodes.TryParse(text, out var sex))
        {
            return sex;
        }

        record.Fail("sex", text, new Reason("not a sex: write male or female (M, F, 男, 女 are accepted)", "不是性别：应为 male 或 female（也可写 M、F、男、女）"));
        return null;
    }

    /// <summary>A required date yyyy-mm-dd not after today, or null (with the problem reported).</summary>
    internal static DateOnly? Date(CsvRecord record, string column, DateOnly today)
    {
        var text = record.RequiredText(column);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            record.Fail(column, text, new Reason("not a calendar date (write yyyy-mm-dd)", "不是有效日期（应写作 yyyy-mm-dd）"));
            return null;
        }

        if (date > today)
        {
            record.Fail(column, text, AfterToday(today));
            return null;
        }

        return date;
    }

    /// <summary>The reason for a date that has not come yet: a record reports what has happened.</summary>
    internal static Reason AfterToday(DateOnly today) => new($"after today ({today:yyyy-MM-dd})", $"晚于今天（{today:yyyy-MM-dd}）");

    /// <summary>
    /// A required 6-digit GB/T 2260 code, or null (with the problem reported). With <paramref name="residence"/> it must
    /// be a current county-level unit of the store's region table; otherwise any province-level prefix, and such a unit
    /// when it lies in the city.
    /// </summary>
    internal static int? Region(CsvRecord record, string column, ImportSession session, bool residence, int year) =>
        record.RequiredText(column) is { } text ? RegionCode(record, column, text, session, residence, year) : null;

    /// <summary>As <see cref="Region"/> for a column that may be empty (null without a problem).</summary>
    internal static int? OptionalRegion(CsvRecord record, string column, ImportSession session, bool residence, int year) =>
        record.Text(column) is { } text ? RegionCode(record, column, text, session, residence, year) : null;

    private static int? RegionCode(CsvRecord record, string column, string text, ImportSession session, bool residence, int year)
    {
        if (text.Length != 6 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || !NationalIdNumber.IsProvinceOf(code))
        {
            record.Fail(column, text, new Reason("unknown region: not a 6-digit GB/T 2260 code of a province-level unit", "未知地区：不是省级单位的 6 位 GB/T 2260 代码"));
            return null;
        }

        // GB/T 2260: the first four digits name the prefecture-level city.
        if (residence || text.StartsWith(session.Regions.PlanRegion()[..4], StringComparison.Ordinal))
        {
            if (session.Regions.Problem(text, year) is { } problem)
            {
                record.Fail(column, text, problem);
                return null;
            }

            if (session.Regions.TryGet(text, out var region) && region.Level != RegionLevel.County)
            {
                record.Fail(column, text, new Reason($"{region.NameZh} is not a county-level unit; the registry records county-level regions", $"{region.NameZh}不是县级单位；人员登记记录到县级地区"));
                return null;
            }
        }

        return code;
    }

    private static T? Choice<T>(CsvRecord record, string column, Func<string, T?> parse, string choices)
        where T : struct
    {
        var text = record.RequiredText(column);
        if (text is null)
        {
            return null;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        record.Fail(column, text, new Reason($"not one of {choices}", $"应为以下之一：{choices}"));
        return null;
    }

    private static UrbanRural? ParseUrbanRural(string text) => Codes.Residence(text) switch
    {
        "urban" => UrbanRural.Urban,
        "rural" => UrbanRural.Rural,
        _ => null,
    };

    private static EducationLevel? ParseEducation(string text)
    {
        var t = text.Trim();
        if (t.Equals("no_schooling", StringComparison.OrdinalIgnoreCase))
        {
            return EducationLevel.None;
        }

        return EducationLevels.TryParse(t, out var level) ? level : null;
    }

    private static ResidencePermitStatus? ParsePermit(string text)
    {
        var t = text.Trim().Replace("_", "", StringComparison.Ordinal);
        return !int.TryParse(t, out _) && Enum.TryParse<ResidencePermitStatus>(t, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : null;
    }
}
