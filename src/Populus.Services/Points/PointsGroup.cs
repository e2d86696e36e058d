namespace Populus.Services.Points;

/// <summary>
/// The four parts of a points scheme, as published schemes structure them (Shanghai's residence-permit points:
/// 基础指标, 加分指标, 减分指标, 一票否决指标).
/// </summary>
public enum PointsGroup
{
    /// <summary>Basic items: education, title or skill, social insurance, residence, housing.</summary>
    Basic,

    /// <summary>Bonus items: skills in short supply, awards, volunteering, blood donation, investment.</summary>
    Bonus,

    /// <summary>Deductions: violations within the window; their points are negative.</summary>
    Deduction,

    /// <summary>Veto items: any occurrence within the window disqualifies, whatever the score.</summary>
    Veto,
}
