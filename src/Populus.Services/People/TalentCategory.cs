namespace Populus.Services.People;

/// <summary>
/// Talent categories of the city's talent recognition system (人才认定): A (highest) to E as before the plan, and
/// F, which the plan adds to cover university graduates and skilled workers (专栏 4, item 2).
/// </summary>
/// <remarks>The ladder runs None &lt; F &lt; E &lt; … &lt; A, so <c>talent_category&gt;=f</c> is any category.</remarks>
public enum TalentCategory
{
    None,
    F,
    E,
    D,
    C,
    B,
    A,
}
