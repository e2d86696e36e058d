namespace Populus.Storage;

/// <summary>Why a store could not be opened.</summary>
public enum StoreOpenFailure
{
    /// <summary>The database was written by a newer Populus (a higher schema version than this program knows).</summary>
    NewerSchema,

    /// <summary>The file is not a database, or is damaged.</summary>
    Corrupt,

    /// <summary>Another process holds the database file.</summary>
    Locked,

    /// <summary>The database holds tables that are not a Populus store.</summary>
    NotAPopulusStore,

    /// <summary>The server cannot be reached or refused the login.</summary>
    Unreachable,
}

/// <summary>
/// A store could not be opened. The message is written for the user (what is wrong and what to do); nothing in the
/// database was changed.
/// </summary>
public sealed class StoreOpenException : Exception
{
    public StoreOpenException(StoreOpenFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public StoreOpenFailure Failure { get; }
}
