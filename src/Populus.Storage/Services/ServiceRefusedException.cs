using Populus.Planning.Data;

namespace Populus.Storage.Services;

/// <summary>
/// A change the services' records refuse in their present state (a second live permit of one person, a change to a
/// round whose result is published), worded in English and Chinese: the command line prints both, the API answers
/// 409 with the Chinese as <c>detailZh</c>. The words never hold an identity number.
/// </summary>
public sealed class ServiceRefusedException(Reason reason) : RefusedOperationException(reason);
