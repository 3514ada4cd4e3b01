namespace Governance.Cli.Replay;

/// <summary>The replay could not run to its end: the server was unreachable, a stream failed, or acks did not match.</summary>
public sealed class ReplayFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
