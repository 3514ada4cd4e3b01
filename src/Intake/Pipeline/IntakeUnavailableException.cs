namespace Governance.Intake.Pipeline;

/// <summary>The journal could not store a batch, or intake is stopping: the report was not taken.</summary>
public sealed class IntakeUnavailableException : Exception
{
    public IntakeUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public IntakeUnavailableException()
    {
    }

    public IntakeUnavailableException(string message)
        : base(message)
    {
    }
}
