namespace Populus.Storage.Registry;

/// <summary>The registry in a database was sealed with another key than the one given.</summary>
public sealed class RegistryKeyMismatchException(string message) : Exception(message);
