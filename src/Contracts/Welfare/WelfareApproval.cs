namespace Governance.Contracts.Welfare;

/// <summary>Where one department's check of a welfare application stands.</summary>
[GenerateSerializer, Alias("ApprovalDecision")]
public enum ApprovalDecision
{
    /// <summary>Not decided yet: the application is in the department's queue.</summary>
    Pending = 1,

    Approved = 2,

    /// <summary>Refused, with the reason: the application ends.</summary>
    Denied = 3,
}

/// <summary>One department's check of a welfare application (its part of 信息核对), run in parallel with the others.</summary>
[GenerateSerializer, Immutable, Alias("WelfareApproval")]
public sealed record class WelfareApproval(
    [property: Id(0)] string Department,
    [property: Id(1)] ApprovalDecision Decision,
    [property: Id(2)] string DecidedBy,
    [property: Id(3)] DateTimeOffset? DecidedAt,
    [property: Id(4)] string Reason);
