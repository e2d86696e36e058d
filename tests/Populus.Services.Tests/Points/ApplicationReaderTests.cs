using Populus.Services.Applications;
using Populus.Services.Identity;
using Populus.Storage.Registry;
using Populus.Storage.Tabular;

namespace Populus.Services.Tests.Points;

public class ApplicationReaderTests
{
    /// <summary>A valid identity number (check character computed) of a person born on 1 January 1990 in 鹿城区.</summary>
    private static readonly string Id = NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 123).Disclose();

    internal const string Header = "application_id,round,purpose,id_number,submitted_on,education,title,skill,housing,residence_since,insurance_months,short_supply,investment_cny,events,preferences\n";

    [Fact]
    public void MalformedApplications_AreRefusedWithAReasonPerField_AndTheNumberIsNotEchoed()
    {
        using var temp = TestData.Temp();
        var file = temp.Write("apps.csv", Header +
            $"A1,2025-school,school,{Id},2025-05-01,bachelor,,,rented,2019-01-01,2020-01..2025-04,no,0,award:2024-01-01,Q1\n" +
            "A2,2025-school,schol,330302199001011234567,2025-05-01,phd,,,rented,2026-01-01,2025-06,maybe,-5,award:2024-13-01,Q1\n" +
            "A3,2025-school,school,,2025-05-01,bachelor,,,,,,,,,\n");
        var ex = Assert.Throws<InvalidInputException>(() => ApplicationReader.Read(file, IdentityKey.Open(Populus.Services.Identity.KeyFolder.Open(temp.File("keys")))));
        var row3 = ex.Errors.Where(e => e.Row == 3).ToDictionary(e => e.Column!, e => e);
        Assert.Contains("school, housing", row3["purpose"].Reason);
        Assert.Contains("21 characters", row3["id_number"].Reason);
        Assert.DoesNotContain("1990", row3["id_number"].Value);
        Assert.Contains("doctorate", row3["education"].Reason);
        Assert.Contains("after submitted_on", row3["residence_since"].Reason);
        Assert.Contains("after submitted_on", row3["insurance_months"].Reason);
        Assert.Contains("yes or no", row3["short_supply"].Reason);
        Assert.Contains("negative", row3["investment_cny"].Reason);
        Assert.Contains("kind:yyyy-mm-dd", row3["events"].Reason);
        var row4 = ex.Errors.Where(e => e.Row == 4).Select(e => e.Column).ToHashSet();
        Assert.Superset(new HashSet<string?> { "id_number", "housing", "preferences" }, row4);
        Assert.DoesNotContain(ex.Errors, e => e.Row == 2);
        Assert.All(ex.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ReasonZh), e.ToString()));
        Assert.Contains("晚于申请提交日期", row3["insurance_months"].ReasonZh);
    }

    [Fact]
    public void TheSamePersonTwiceInARound_IsADuplicate_FoundByTheKeyedHash()
    {
        using var temp = TestData.Temp();
        var file = temp.Write("apps.csv", Header +
            $"A1,2025-school,school,{Id},2025-05-01,bachelor,,,rented,,,,,,Q1\n" +
            $"A2,2025-school,school, {Id.ToLowerInvariant()} ,2025-05-02,master,,,owned,,,,,,Q2\n" +
            $"A3,2025-school,housing,{Id},2025-05-02,master,,,owned,,,,,,H1\n" +
            "A4,2025-school,school,330302199001011230,2025-05-02,master,,,owned,,,,,,Q2\n");
        var ex = Assert.Throws<InvalidInputException>(() => ApplicationReader.Read(file, IdentityKey.Open(KeyFolder.Open(temp.File("keys")))));
        Assert.Equal(2, ex.Errors.Count);
        var duplicate = ex.Errors.Single(e => e.Row == 3);
        Assert.Contains("row 2", duplicate.Reason);
        Assert.Contains("第 2 行", duplicate.ReasonZh);
        Assert.Equal(NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 123).ToString(), duplicate.Value);
        // The registry's check of the number: a wrong check character is named, the number is not echoed.
        var wrong = ex.Errors.Single(e => e.Row == 5);
        Assert.Contains("check character", wrong.Reason);
        Assert.DoesNotContain("19900101", wrong.Value);
    }

    [Fact]
    public void ShiftedColumns_ShowEveryValueMasked_TheNumberNeverInFull()
    {
        using var temp = TestData.Temp();
        var file = temp.Write("apps.csv", Header +
            $"A1,2025-school,school,{Id},2025-05-01,{Id},,,rented,,,,,,Q1\n" +                                  // row 2: the number in education
            $"A2,2025-school,school,{Id},2025-05-01,bachelor,,,rented,,,,,criminal_conviction:2024-13-01,Q1\n");  // row 3: a conviction misdated
        var ex = Assert.Throws<InvalidInputException>(() => ApplicationReader.Read(file, IdentityKey.Open(KeyFolder.Open(temp.File("keys")))));

        // Row 3 is also row 2's person again: a duplicate is named with the row's other problems.
        Assert.Equal([(2, "education", NationalIdNumber.Mask(Id)), (3, "events", NationalIdNumber.Mask("criminal_conviction:2024-13-01")), (3, "id_number", NationalIdNumber.Mask(Id))],
            ex.Errors.Select(e => (e.Row, e.Column, e.Value)));
        var text = ex.Message + string.Join('\n', ex.Errors.Select(e => e + " " + e.ReasonZh));
        Assert.DoesNotContain(Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Id[6..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("criminal_conviction", text, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void IdentityKey_IsPrivateStableAndKeyed()
    {
        using var temp = TestData.Temp();
        var folder = KeyFolder.Open(temp.File("keys"));
        var number = NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 123);
        var a = IdentityKey.Open(folder).PersonKey(number);
        Assert.Equal(a, IdentityKey.Open(folder).PersonKey(number));
        Assert.NotEqual(a, IdentityKey.Open(KeyFolder.Open(temp.File("other"))).PersonKey(number));
        Assert.NotEqual(a, IdentityKey.Open(folder).PersonKey(NationalIdNumber.Create(330302, new DateOnly(1990, 1, 1), 125)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File(IdentityKey.FileName)));
        File.SetUnixFileMode(folder.File(IdentityKey.FileName), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Throws<UnauthorizedAccessException>(() => IdentityKey.Open(folder));
    }
}
