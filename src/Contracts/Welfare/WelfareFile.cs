using System.Collections.Immutable;

namespace Governance.Contracts.Welfare;

/// <summary>What a welfare application (低保) holds beside its status: its documents, the departments' checks, its reviewers.</summary>
[GenerateSerializer, Immutable, Alias("WelfareFile")]
public sealed record class WelfareFile
{
    /// <summary>Every document handed in, oldest first; a later one of the same kind does not replace an earlier.</summary>
    [Id(0)]
    public ImmutableArray<SubmittedDocument> Documents { get; init; } = [];

    /// <summary>The departments concerned and where each one's check stands, in the order the rules list them.</summary>
    [Id(1)]
    public ImmutableArray<WelfareApproval> Approvals { get; init; } = [];

    /// <summary>Who passed the first review (初审); empty until then.</summary>
    [Id(2)]
    public string FirstReviewer { get; init; } = "";

    /// <summary>Who passed the second review (审批); empty until then. Never the first reviewer.</summary>
    [Id(3)]
    public string SecondReviewer { get; init; } = "";

    /// <summary>When the public notice (公示) ends and disbursement may begin; null before the notice.</summary>
    [Id(4)]
    public DateTimeOffset? NoticeEndsAt { get; init; }

    /// <summary>The required documents not yet handed in, as of the rules it was read with; worked out when read, not stored.</summary>
    [Id(5)]
    [System.Text.Json.Serialization.JsonIgnore]
    public ImmutableArray<DocumentKind> Missing { get; init; } = [];

    /// <summary>The departments whose check is still pending.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> Pending => Approvals.Where(a => a.Decision == ApprovalDecision.Pending).Select(a => a.Department);
}
