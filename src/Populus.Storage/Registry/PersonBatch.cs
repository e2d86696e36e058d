namespace Populus.Storage.Registry;

/// <summary>
/// A block of persons held column by column, the unit of bulk loading: filled by a source (generator or adapter),
/// protected in parallel (look-up value and sealed number written beside the plain number), then appended in order.
/// Buffers are reused from block to block, so loading allocates nothing per person.
/// </summary>
internal sealed class PersonBatch
{
    public PersonBatch(int capacity)
    {
        Capacity = capacity;
        PersonId = new long[capacity];
        IdAscii = new byte[capacity * NationalIdNumber.Length];
        Sex = new byte[capacity];
        BirthDate = new DateOnly[capacity];
        HukouRegion = new int[capacity];
        ResidenceRegion = new int[capacity];
        UrbanRural = new byte[capacity];
        Education = new byte[capacity];
        ResidencePermit = new byte[capacity];
        DeathDate = new DateOnly?[capacity];
        IdLookup = new long[capacity];
        IdSealed = new byte[capacity * IdProtector.SealedLength];
        EventPersonId = new long[capacity];
        EventKind = new byte[capacity];
        EventDate = new DateOnly[capacity];
        EventFromRegion = new int[capacity];
        EventToRegion = new int[capacity];
        SequenceCounter = new int[capacity];
        IdPrefixSum = new byte[capacity];
    }

    public int Capacity { get; }

    public int Count { get; set; }

    /// <summary>The block's position in its source (0, 1, …), set when the block is taken.</summary>
    public long Index { get; set; }

    public long[] PersonId { get; }

    /// <summary>The plain identity numbers, 18 ASCII bytes each; never leaves the process.</summary>
    public byte[] IdAscii { get; }

    public byte[] Sex { get; }

    public DateOnly[] BirthDate { get; }

    public int[] HukouRegion { get; }

    public int[] ResidenceRegion { get; }

    public byte[] UrbanRural { get; }

    public byte[] Education { get; }

    public byte[] ResidencePermit { get; }

    public DateOnly?[] DeathDate { get; }

    public long[] IdLookup { get; }

    /// <summary>Sealed numbers, <see cref="IdProtector.SealedLength"/> bytes each.</summary>
    public byte[] IdSealed { get; }

    /// <summary>Events of the persons in this block (at most one a person for generated blocks).</summary>
    public int EventCount { get; set; }

    public long[] EventPersonId { get; }

    public byte[] EventKind { get; }

    public DateOnly[] EventDate { get; }

    /// <summary>Region codes; 0 for none.</summary>
    public int[] EventFromRegion { get; }

    /// <summary>Region codes; 0 for none.</summary>
    public int[] EventToRegion { get; }

    /// <summary>
    /// Generated blocks only: the sequence counter, one per (address code, birth date, sex), each person's identity
    /// number takes its sequence code from; set when the persons are drawn, used by the ordered pass that numbers them.
    /// </summary>
    public int[] SequenceCounter { get; }

    /// <summary>Generated blocks only: the check-sum share, mod 11, of the address code and birth date already written into each number.</summary>
    public byte[] IdPrefixSum { get; }

    public Span<byte> Id(int i) => IdAscii.AsSpan(i * NationalIdNumber.Length, NationalIdNumber.Length);

    public Span<byte> Sealed(int i) => IdSealed.AsSpan(i * IdProtector.SealedLength, IdProtector.SealedLength);

    public void Clear()
    {
        Count = 0;
        EventCount = 0;
    }

    /// <summary>Adds a person's columns (the plain number included).</summary>
    public void Add(Person person)
    {
        var i = Count++;
        PersonId[i] = person.PersonId;
        person.NationalId.WriteAscii(Id(i));
        Sex[i] = (byte)person.Sex;
        BirthDate[i] = person.BirthDate;
        HukouRegion[i] = person.HukouRegion;
        ResidenceRegion[i] = person.ResidenceRegion;
        UrbanRural[i] = (byte)person.UrbanRural;
        Education[i] = (byte)person.Education;
        ResidencePermit[i] = (byte)person.ResidencePermit;
        DeathDate[i] = person.DeathDate;
    }

    public void AddEvent(long personId, PersonEventKind kind, DateOnly date, int fromRegion, int toRegion)
    {
        var e = EventCount++;
        EventPersonId[e] = personId;
        EventKind[e] = (byte)kind;
        EventDate[e] = date;
        EventFromRegion[e] = fromRegion;
        EventToRegion[e] = toRegion;
    }
}
