namespace Governance.Grains.Merging;

/// <summary>
/// Duplicate merging per category (section "Merging"): a burst water main is one matter across a few hundred
/// metres and hours; a noise complaint, across a building and an evening. Categories not listed use the default.
/// </summary>
public sealed class MergeOptions
{
    public const string Section = "Merging";

    /// <summary>
    /// Side of a merge zone in metres, rounded to whole cells. A report asks its home zone and any other zone its
    /// merge circle reaches; larger zones mean fewer calls per report and more cases per zone.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(100, 20_000)]
    public double ZoneSizeMeters { get; set; } = 1_000;

    /// <summary>The rule for categories without their own.</summary>
    public MergeRule Default { get; set; } = new() { DistanceMeters = 50, WindowMinutes = 120 };

    /// <summary>
    /// Rules by category code. Built in: a missed visit is one resident's, and a storm warning's visit one household's,
    /// never merged with another's.
    /// </summary>
    public Dictionary<string, MergeRule> Categories { get; set; } = new(StringComparer.Ordinal)
    {
        [Visits.VisitWatch.Category] = new() { DistanceMeters = 0, WindowMinutes = 0 },
        [Risk.StormWarningGrain.Category] = new() { DistanceMeters = 0, WindowMinutes = 0 },
    };

    public MergeRule For(string category) => Categories.TryGetValue(category, out var rule) ? rule : Default;
}
