using System.ComponentModel.DataAnnotations;

namespace Governance.Silo.Cluster;

/// <summary>How a standalone gateway holds its intake journal (section "GatewayLease").</summary>
public sealed class JournalLeaseOptions
{
    public const string Section = "GatewayLease";

    /// <summary>
    /// How long a renewal holds the journal. A gateway that dies has its journal replayed by a silo about this long
    /// after its last renewal; one stalled longer than this stops acknowledging. Renewed every quarter of it.
    /// </summary>
    [Range(2, 600)]
    public int Seconds { get; set; } = 20;

    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);
}
