namespace Governance.Contracts.Cases;

/// <summary>A cell's answer to a report: its case and whether it was new.</summary>
[GenerateSerializer, Immutable, Alias("ReportReceipt")]
public sealed record class ReportReceipt(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] ReportOutcomeKind Outcome);
