using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Deadlines;

/// <summary>How often the silo looks for overdue cases to escalate (configuration section "Deadlines").</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Seconds between checks of the departments' queues; an overdue case escalates at most this late.</summary>
    [Range(1, 3600)]
    public int CheckSeconds { get; set; } = 30;
}
