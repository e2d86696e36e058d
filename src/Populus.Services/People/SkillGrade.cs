namespace Populus.Services.People;

/// <summary>
/// Vocational qualification or skill grade (职业资格 / 技能等级), lowest first: 初级工 (level 5), 中级工 (4),
/// 高级工 (3), 技师 (2), 高级技师 (1).
/// </summary>
public enum SkillGrade
{
    None,
    ElementaryWorker,
    IntermediateWorker,
    SeniorWorker,
    Technician,
    SeniorTechnician,
}
