namespace Governance.Intake.Bench.Processes;

/// <summary>Cores used over a span (CPU seconds per second): each server, the shared database if measured, the client, the whole machine and the hypervisor's steal.</summary>
public sealed record CpuUse(IReadOnlyList<double> ServerCores, double? DatabaseCores, double ClientCores, double MachineCores, double StealCores, double Seconds)
{
    /// <summary>All servers together.</summary>
    public double TotalServerCores => ServerCores.Sum();
}
