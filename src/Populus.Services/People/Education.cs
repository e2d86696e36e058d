namespace Populus.Services.People;

/// <summary>
/// Highest education completed, in the distinctions the plan's rules make: secondary vocational school (中职, incl.
/// 技校) apart from general senior secondary, and the senior-worker class of a technical school (技工院校高级工班)
/// beside junior college (大专).
/// </summary>
/// <remarks>
/// <see cref="EducationLadder.Rank"/> puts parallel tracks on one level: "大专(含技工院校高级工班)以上" is
/// <c>education&gt;=junior_college</c> and includes the senior-worker class; <c>education=secondary_vocational</c>
/// names the vocational track only (general senior secondary has the same rank but another identity).
/// The census levels of Planning (<see cref="Planning.Data.EducationLevel"/>) merge these tracks.
/// </remarks>
public enum Education
{
    None,
    Primary,
    JuniorSecondary,
    SeniorSecondary,
    SecondaryVocational,
    JuniorCollege,
    SeniorWorkerClass,
    Bachelor,
    Master,
    Doctorate,
}

/// <summary>Levels of <see cref="Education"/> for ordered comparisons.</summary>
public static class EducationLadder
{
    public static int Rank(this Education education) => education switch
    {
        Education.None => 0,
        Education.Primary => 1,
        Education.JuniorSecondary => 2,
        Education.SeniorSecondary or Education.SecondaryVocational => 3,
        Education.JuniorCollege or Education.SeniorWorkerClass => 4,
        Education.Bachelor => 5,
        Education.Master => 6,
        Education.Doctorate => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(education), education, "not an education level"),
    };
}
