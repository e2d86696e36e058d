namespace Populus.Services.People;

/// <summary>
/// The Chinese names of the codes a points note shows (本科, 中级职称, 技师, 租赁住房), worded as the cockpit's catalogue
/// words them (wwwroot/js/i18n.js, <c>val.education.bachelor</c> …), so that the desk's note and the page say the same.
/// </summary>
public static class ChineseNames
{
    public static string Of(Education education) => education switch
    {
        Education.None => "未上学",
        Education.Primary => "小学",
        Education.JuniorSecondary => "初中",
        Education.SeniorSecondary => "普通高中",
        Education.SecondaryVocational => "中等职业学校（含技工学校）",
        Education.JuniorCollege => "大专",
        Education.SeniorWorkerClass => "技工院校高级工班",
        Education.Bachelor => "本科",
        Education.Master => "硕士研究生",
        _ => "博士研究生",
    };

    public static string Of(ProfessionalTitle title) => title switch
    {
        ProfessionalTitle.None => "无职称",
        ProfessionalTitle.Junior => "初级职称",
        ProfessionalTitle.Intermediate => "中级职称",
        ProfessionalTitle.AssociateSenior => "副高级职称",
        _ => "正高级职称",
    };

    public static string Of(SkillGrade skill) => skill switch
    {
        SkillGrade.None => "无技能等级",
        SkillGrade.ElementaryWorker => "初级工",
        SkillGrade.IntermediateWorker => "中级工",
        SkillGrade.SeniorWorker => "高级工",
        SkillGrade.Technician => "技师",
        _ => "高级技师",
    };

    public static string Of(Housing housing) => housing switch
    {
        Housing.None => "无固定住所",
        Housing.Owned => "自有住房",
        Housing.Rented => "租赁住房",
        _ => "其他",
    };
}
