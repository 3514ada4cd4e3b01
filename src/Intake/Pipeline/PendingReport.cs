using Governance.Contracts.Cases;

namespace Governance.Intake.Pipeline;

/// <summary>A report on its way through the pipeline, and the promise of its receipt.</summary>
internal sealed class PendingReport(string cellId, IncomingReport report)
{
    public string CellId { get; } = cellId;

    public IncomingReport Report { get; } = report;

    /// <summary>Set by the journal writer.</summary>
    public long Sequence { get; set; }

    public TaskCompletionSource<ReportReceipt> Receipt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
