using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Visits;

/// <summary>When a missed visit becomes a case (configuration section "Visits").</summary>
public sealed class VisitOptions
{
    public const string Section = "Visits";

    /// <summary>Seconds between looks for visits overdue past the grace period.</summary>
    [Range(1, 86_400)]
    public int CheckSeconds { get; set; } = 300;

    /// <summary>How long a visit may be overdue before its cell gets a case to see to it.</summary>
    [Range(0, 365)]
    public double GraceDays { get; set; } = 3;
}
