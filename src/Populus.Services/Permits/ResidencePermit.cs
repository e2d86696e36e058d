namespace Populus.Services.Permits;

/// <summary>
/// A residence permit (居住证) as the issuing city records it. The holder is known by the keyed hash of the identity
/// number (<see cref="PersonKey"/>) and the masked number; the number itself is not kept. <see cref="Revision"/>
/// counts changes, so two clerks cannot overwrite each other's change unseen.
/// </summary>
public sealed record ResidencePermit(
    string PermitId,
    string PersonKey,
    string MaskedId,
    string City,
    string RegionCode,
    PermitState State,
    DateOnly AppliedOn,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int Revision,
    string? KeyId,
    string? Token);

/// <summary>One change of a permit for the audit trail: who did what, when, from which state to which, and why.</summary>
public sealed record PermitEvent(string PermitId, PermitAction Action, PermitState? From, PermitState To, DateTimeOffset At, string Actor, string Reason);
