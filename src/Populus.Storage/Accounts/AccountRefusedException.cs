using Populus.Planning.Data;

namespace Populus.Storage.Accounts;

/// <summary>An account the store will not create (a user name taken or malformed, a role's region or import kinds
/// wrong), with the reason in English and Chinese for the administrator's page.</summary>
public sealed class AccountRefusedException(Reason reason) : RefusedArgumentException(reason, "account");
