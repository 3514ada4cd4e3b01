namespace Governance.TestSupport;

/// <summary>
/// Fault tests' grain call filter, added to a test silo: while a fault is set, calls of one method to one grain fail, by
/// default as a call to a silo that has gone would (a timeout). Inert otherwise.
/// </summary>
public sealed class InjectedFaults : IIncomingGrainCallFilter
{
    private volatile Fault? _fault;
    private int _failed;

    /// <summary>How many calls failed by a fault so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>
    /// Fails calls of <paramref name="method"/> to <paramref name="grain"/> with <paramref name="failure"/>'s exception (a
    /// <see cref="TimeoutException"/> if none) until the result is disposed.
    /// </summary>
    public IDisposable Fail(GrainId grain, string method, Func<Exception>? failure = null)
    {
        var fault = new Fault(grain, method, failure ?? (() => new TimeoutException($"Injected: {method} on {grain} did not answer.")), this);
        _fault = fault;
        return fault;
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (_fault is { } fault && context.TargetId == fault.Grain && context.InterfaceMethod?.Name == fault.Method)
        {
            Interlocked.Increment(ref _failed);
            throw fault.Failure();
        }

        return context.Invoke();
    }

    private sealed record Fault(GrainId Grain, string Method, Func<Exception> Failure, InjectedFaults Owner) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref Owner._fault, null, this);
    }
}
