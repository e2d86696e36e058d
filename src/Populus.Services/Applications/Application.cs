using Populus.Services.Points;

namespace Populus.Services.Applications;

/// <summary>
/// An application for a points-based service (a school place, subsidised housing) in one round: the applicant known
/// by the keyed hash and masked form of the identity number, the facts to score, and the quotas preferred in order.
/// </summary>
public sealed record Application(
    string ApplicationId,
    string Round,
    string Purpose,
    string PersonKey,
    string MaskedId,
    DateOnly SubmittedOn,
    PointsFacts Facts,
    IReadOnlyList<string> Preferences,
    string SourceFile,
    int SourceRow);
