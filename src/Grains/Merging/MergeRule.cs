using System.ComponentModel.DataAnnotations;

namespace Governance.Grains.Merging;

/// <summary>When a report is the same matter as an open case: same category, this close, this soon.</summary>
public sealed class MergeRule
{
    /// <summary>Most metres between the report and the case's first report; 0 turns merging off for the category.</summary>
    [Range(0, 5000)]
    public double DistanceMeters { get; set; }

    /// <summary>Most minutes between the report's time and the case's first report's time.</summary>
    [Range(0, 60 * 24 * 30)]
    public double WindowMinutes { get; set; }

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public bool Merges => DistanceMeters > 0 && WindowMinutes > 0;
}
