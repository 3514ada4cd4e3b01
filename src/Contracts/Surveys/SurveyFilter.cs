namespace Governance.Contracts.Surveys;

/// <summary>Which surveys to list: every filter that is set must hold.</summary>
[GenerateSerializer, Immutable, Alias("SurveyFilter")]
public sealed record class SurveyFilter
{
    /// <summary>Surveys of this place or a place inside it; empty for all.</summary>
    [Id(0)]
    public string Area { get; init; } = "";

    /// <summary>Surveys about this policy; empty for all.</summary>
    [Id(1)]
    public string PolicyId { get; init; } = "";

    /// <summary>Surveys sent at or after this time.</summary>
    [Id(2)]
    public DateTimeOffset? SentFrom { get; init; }

    /// <summary>Surveys sent before this time.</summary>
    [Id(3)]
    public DateTimeOffset? SentBefore { get; init; }
}
