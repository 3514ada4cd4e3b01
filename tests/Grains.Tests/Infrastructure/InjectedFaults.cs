namespace Governance.Grains.Tests.Infrastructure;

/// <summary>
/// Fault tests' grain call filter in the test silo: while a fault is set, calls of one method to one grain fail as a call
/// to a silo that has gone would (a timeout). Inert otherwise.
/// </summary>
public sealed class InjectedFaults : IIncomingGrainCallFilter
{
    private volatile Fault? _fault;

    /// <summary>Fails calls of <paramref name="method"/> to <paramref name="grain"/> until the result is disposed.</summary>
    public IDisposable Fail(GrainId grain, string method)
    {
        var fault = new Fault(grain, method, this);
        _fault = fault;
        return fault;
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (_fault is { } fault && context.TargetId == fault.Grain && context.InterfaceMethod?.Name == fault.Method)
        {
            throw new TimeoutException($"Injected: {fault.Method} on {fault.Grain} did not answer.");
        }

        return context.Invoke();
    }

    private sealed record Fault(GrainId Grain, string Method, InjectedFaults Owner) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref Owner._fault, null, this);
    }
}
