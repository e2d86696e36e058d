namespace Populus.Services.People;

/// <summary>Enterprise size class (微型, 小型, 中型, 大型), smallest first; 中小微企业 is <c>employer_size&lt;=medium</c>.</summary>
public enum EmployerSize
{
    Micro,
    Small,
    Medium,
    Large,
}
