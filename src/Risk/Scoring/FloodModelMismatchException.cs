namespace Governance.Risk.Scoring;

/// <summary>A file that is not a flood model of this platform's features; such a file is never registered or promoted.</summary>
public sealed class FloodModelMismatchException : Exception
{
    public FloodModelMismatchException()
    {
    }

    public FloodModelMismatchException(string reason)
        : base($"The file is not a flood model of this platform: {reason}.")
    {
    }

    public FloodModelMismatchException(string reason, Exception inner)
        : base($"The file is not a flood model of this platform: {reason}.", inner)
    {
    }
}
