using System.Collections.Immutable;
using Governance.Contracts.Common;
using Governance.Contracts.Deadlines;
using Governance.Contracts.Rectification;
using Governance.Contracts.Welfare;

namespace Governance.Contracts.Cases;

/// <summary>A whole case: what, where, who reported it and everything that happened to it.</summary>
[GenerateSerializer, Immutable, Alias("CaseDetails")]
public sealed record class CaseDetails(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] string Category,
    [property: Id(3)] string Description,
    [property: Id(4)] GeoLocation Location,
    [property: Id(5)] CaseStatusKind Status,
    [property: Id(6)] DateTimeOffset OpenedAt,
    [property: Id(7)] ImmutableArray<ReporterEntry> Reporters,
    [property: Id(8)] ImmutableArray<CaseEventEntry> History)
{
    /// <summary>The department the case was last dispatched to; empty until dispatched.</summary>
    [Id(9)]
    public string Department { get; init; } = "";

    /// <summary>Its reporters' ratings, oldest first.</summary>
    [Id(10)]
    public ImmutableArray<CaseRating> Ratings { get; init; } = [];

    /// <summary>Its handling clock since it was last dispatched; null before that, and after it is returned.</summary>
    [Id(11)]
    public CaseDeadline? Deadline { get; init; }

    /// <summary>What kind of case it is.</summary>
    [Id(13)]
    public CaseKind Kind { get; init; } = CaseKind.Incident;

    /// <summary>True when it is past due, or was handled late (as of the moment it was read).</summary>
    [Id(12)]
    public bool Overdue { get; init; }

    /// <summary>A welfare application's documents, checks and reviews; null for other kinds.</summary>
    [Id(14)]
    public WelfareFile? Welfare { get; init; }

    /// <summary>A rectification task's responsible person and progress reports; null for other kinds.</summary>
    [Id(15)]
    public RectificationFile? Rectification { get; init; }

    /// <summary>For a task being rectified: its monthly progress report is past due, as of the moment it was read.</summary>
    [Id(16)]
    public bool ProgressReportOverdue { get; init; }
}
