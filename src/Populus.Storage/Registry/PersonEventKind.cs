namespace Populus.Storage.Registry;

/// <summary>What happened to a person on an event date. Stored as its numeric value.</summary>
public enum PersonEventKind : byte
{
    /// <summary>Born; the region is the place of birth registration.</summary>
    Birth = 1,

    /// <summary>Died; the person leaves the resident population.</summary>
    Death = 2,

    /// <summary>Came to live in a region (to-region), from another (from-region, if known).</summary>
    MoveIn = 3,

    /// <summary>Left the region of residence (from-region) for another (to-region).</summary>
    MoveOut = 4,

    /// <summary>Hukou moved from one region to another (户口迁移).</summary>
    HukouChange = 5,
}
