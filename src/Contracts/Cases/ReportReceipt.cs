namespace Governance.Contracts.Cases;

/// <summary>A cell's answer to a report: its case and whether it was new.</summary>
[GenerateSerializer, Immutable, Alias("ReportReceipt")]
public sealed record class ReportReceipt(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] ReportOutcomeKind Outcome)
{
    /// <summary>
    /// Which activation of the cell took the report. Intake compares it with the one that stores the cell at its
    /// checkpoint: another activation means the one that took it was lost with what it held (IGridCellGrain.FlushAsync).
    /// </summary>
    [Id(3)]
    public Guid CellActivation { get; init; }
}
