namespace Governance.Cli.Mapping;

/// <summary>A mapping file that cannot be read, or that does not fit the CSV it is used with.</summary>
public sealed class MappingException(string message, Exception? innerException = null) : Exception(message, innerException);
