using Governance.Contracts.Cases;

namespace Governance.Contracts.Rectification;

/// <summary>One task as the dashboard shows it, judged as of the dashboard's moment.</summary>
[GenerateSerializer, Immutable, Alias("RectificationTaskLine")]
public sealed record class RectificationTaskLine(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] string Category,
    [property: Id(3)] string Topic,
    [property: Id(4)] string Headline,
    [property: Id(5)] CaseStatusKind Status)
{
    /// <summary>The person who answers for it; empty until assigned.</summary>
    [Id(6)]
    public string Responsible { get; init; } = "";

    /// <summary>The department it was assigned to; empty until assigned.</summary>
    [Id(7)]
    public string Department { get; init; } = "";

    /// <summary>Its deadline (the one it last had); null until assigned.</summary>
    [Id(8)]
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>How long it is past its deadline while being rectified; null unless overdue.</summary>
    [Id(9)]
    public TimeSpan? OverdueBy { get; init; }

    /// <summary>How many monthly progress reports were made.</summary>
    [Id(10)]
    public int ProgressReports { get; init; }

    /// <summary>When the latest progress report was made.</summary>
    [Id(11)]
    public DateTimeOffset? LastReportAt { get; init; }

    /// <summary>While being rectified: when the next monthly report is due.</summary>
    [Id(12)]
    public DateTimeOffset? NextReportDue { get; init; }

    /// <summary>Being rectified with the next monthly report past due.</summary>
    [Id(13)]
    public bool ProgressReportOverdue { get; init; }

    /// <summary>When it was reported done (the clock stopped); null unless submitted or confirmed.</summary>
    [Id(14)]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Reported done at or before <see cref="DueAt"/>.</summary>
    [Id(15)]
    public bool DoneOnTime { get; init; }

    /// <summary>True while it is being rectified past its deadline.</summary>
    public bool Overdue => OverdueBy is not null;
}
