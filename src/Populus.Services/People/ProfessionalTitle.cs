namespace Populus.Services.People;

/// <summary>Professional title (专业技术职称), lowest first: 初级, 中级, 副高级, 正高级.</summary>
public enum ProfessionalTitle
{
    None,
    Junior,
    Intermediate,
    AssociateSenior,
    Senior,
}
