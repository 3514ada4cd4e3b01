using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Risk;

/// <summary>The flood model's serving settings (section "Risk").</summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";

    /// <summary>Seconds between a silo's looks at the registry for a newly promoted model.</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>The rainfall intensity a cell's drains carry away, where nothing better is known (mm/h).</summary>
    [Range(1, 500)]
    public double DrainageMmPerHour { get; set; } = 30;
}
