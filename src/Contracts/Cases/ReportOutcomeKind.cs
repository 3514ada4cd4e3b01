namespace Governance.Contracts.Cases;

/// <summary>What became of a report.</summary>
[GenerateSerializer, Alias("ReportOutcomeKind")]
public enum ReportOutcomeKind
{
    /// <summary>It opened a new case.</summary>
    Created = 1,

    /// <summary>It was taken before; nothing was created.</summary>
    Retry = 2,

    /// <summary>It was added to an open case nearby as one more reporter.</summary>
    Merged = 3,
}
