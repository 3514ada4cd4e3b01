namespace Governance.Contracts.Rectification;

/// <summary>What a rectification task (整改) holds beside its status and clock: who answers for it, and its progress reports.</summary>
[GenerateSerializer, Immutable, Alias("RectificationFile")]
public sealed record class RectificationFile
{
    /// <summary>The person who answers for the rectification (责任人).</summary>
    [Id(0)]
    public string Responsible { get; init; } = "";

    /// <summary>When it was assigned: the first monthly report falls due a month later.</summary>
    [Id(1)]
    public DateTimeOffset AssignedAt { get; init; }

    /// <summary>How many progress reports were made.</summary>
    [Id(2)]
    public int ProgressReports { get; init; }

    /// <summary>When the latest progress report was made; null before the first.</summary>
    [Id(3)]
    public DateTimeOffset? LastReportAt { get; init; }

    /// <summary>When the next monthly report is due: a month after the latest, or after the assignment.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset NextReportDue => (LastReportAt ?? AssignedAt).AddMonths(1);
}
