namespace Populus.Storage.Registry;

/// <summary>Something that happened to a person of the registry on a date: birth, death, a move or a hukou change.</summary>
/// <remarks>
/// Moves name the regions involved: every move and hukou change needs the region moved to (a move-out's destination
/// becomes the residence, so the person leaves the counts of the region left), a move-out also the region left;
/// a move-in's origin is optional (often unknown for arrivals from outside the province).
/// </remarks>
public sealed record PersonEvent
{
    /// <exception cref="ArgumentOutOfRangeException">An identifier, kind or region is out of range, or a move lacks its region.</exception>
    public PersonEvent(long personId, PersonEventKind kind, DateOnly date, int? fromRegion = null, int? toRegion = null)
    {
        PersonId = personId > 0 ? personId
            : throw new ArgumentOutOfRangeException(nameof(personId), personId, "person identifiers are positive");
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an event kind");
        Date = date;
        FromRegion = fromRegion is { } from ? RegionCodes.Validate(from, nameof(fromRegion)) : null;
        ToRegion = toRegion is { } to ? RegionCodes.Validate(to, nameof(toRegion)) : null;
        if (kind is PersonEventKind.MoveIn or PersonEventKind.MoveOut or PersonEventKind.HukouChange && ToRegion is null)
        {
            throw new ArgumentOutOfRangeException(nameof(toRegion), toRegion, $"a {kind} event names the region moved to");
        }

        if (kind == PersonEventKind.MoveOut && FromRegion is null)
        {
            throw new ArgumentOutOfRangeException(nameof(fromRegion), fromRegion, "a MoveOut event names the region left");
        }
    }

    public long PersonId { get; }

    public PersonEventKind Kind { get; }

    public DateOnly Date { get; }

    /// <summary>GB/T 2260 code of the region left, if any.</summary>
    public int? FromRegion { get; }

    /// <summary>GB/T 2260 code of the region entered, if any.</summary>
    public int? ToRegion { get; }
}
