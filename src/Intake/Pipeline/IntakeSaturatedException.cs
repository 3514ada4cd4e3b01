namespace Governance.Intake.Pipeline;

/// <summary>The intake queue stayed full for a unary call's admission time: nothing was taken.</summary>
public sealed class IntakeSaturatedException : Exception
{
    public IntakeSaturatedException(TimeSpan retryAfter)
        : base($"Intake is saturated; nothing was taken. Retry after {retryAfter.TotalMilliseconds:0} ms with the same external_id.")
    {
        RetryAfter = retryAfter;
    }

    public IntakeSaturatedException()
    {
    }

    public IntakeSaturatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }
}
