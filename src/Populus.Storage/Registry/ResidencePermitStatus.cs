namespace Populus.Storage.Registry;

/// <summary>
/// Residence permit (居住证) of a person living outside the city of their hukou. Stored as its numeric value.
/// </summary>
public enum ResidencePermitStatus : byte
{
    /// <summary>No permit is needed: the hukou is in the city of residence.</summary>
    NotRequired = 0,

    /// <summary>A permit is held and in force.</summary>
    Valid = 1,

    /// <summary>A permit was held and has lapsed.</summary>
    Expired = 2,

    /// <summary>A permit is needed and none was ever issued.</summary>
    NotHeld = 3,
}
