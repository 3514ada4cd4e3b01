namespace Governance.Intake.Bench;

/// <summary>The run cannot be trusted or cannot go on: a missing or out-of-order ack, a server that failed, a bad setup.</summary>
public sealed class BenchFailedException : Exception
{
    public BenchFailedException()
    {
    }

    public BenchFailedException(string message)
        : base(message)
    {
    }

    public BenchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
