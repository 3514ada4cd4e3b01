using System.Collections.Immutable;
using Orleans.Concurrency;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Contracts.Sensors;

namespace Governance.Contracts.Cells;

/// <summary>
/// One grid cell (网格), keyed <c>cell:&lt;cell id&gt;</c>: the locality authority that turns reports into
/// cases and holds the live picture of the cell. Only cells of the city map can be activated.
/// </summary>
[Alias("IGridCellGrain")]
public interface IGridCellGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes journaled reports for this cell, in journal order: opens their cases (a row of the cell's and the first
    /// reporter's link; the case grain is not called), merges duplicates, or answers retries with the first case. Changes are held in memory until <see cref="FlushAsync"/>; the journal covers them till then.
    /// With <paramref name="replaying"/> (the journal after the last checkpoint, at start) the cell does not trust
    /// its own stored record of a report: a cell may have been stored after a report while that report's case was
    /// not, so each report's case is opened, or its merge added, again; both are idempotent.
    /// </summary>
    [Alias("Process")]
    Task<ImmutableArray<ReportReceipt>> ProcessAsync(ImmutableArray<IncomingReport> reports, bool replaying = false);

    /// <summary>
    /// Stores the state of the cases this cell changed, then its open case rows (which its merge zone's index is built
    /// from), then its own state. Interleaves, so reports keep being processed while the writes wait for their group
    /// commit; what they change is carried by the next flush. Answers which activation of the cell stored itself: one
    /// other than the activation that took a report (<see cref="ReportReceipt.CellActivation"/>) did not hold that
    /// report, which was lost with its activation (a silo died) and must be replayed before the journal passes it.
    /// </summary>
    [Alias("Flush"), AlwaysInterleave]
    Task<Guid> FlushAsync();

    /// <summary>
    /// As <see cref="FlushAsync"/>, but the report links this cell sent are committed now rather than at the link store's
    /// next commit: for one caller waiting on thousands of cells at once (a storm warning), where that wait would be the
    /// whole cost. The intake checkpoint uses <see cref="FlushAsync"/>, so as not to force commits in a burst of reports.
    /// </summary>
    [Alias("StoreNow"), AlwaysInterleave]
    Task StoreNowAsync();

    /// <summary>
    /// Applies a sensor reading to the live state; crossing the sensor's threshold opens one alarm case, falling back
    /// adds a note to it. Stored within seconds by the cell's own timer (readings are not journaled; see sensors.proto).
    /// </summary>
    [Alias("RecordReading")]
    Task<ReadingReceipt> RecordReadingAsync(SensorReadingInfo reading);

    /// <summary>
    /// How this cell opened the case, or null if it opened no such case: a case grain is built from it the first time
    /// it is asked for. Interleaves: a case the cell itself is waiting for may ask.
    /// </summary>
    [Alias("GetOpening"), AlwaysInterleave]
    Task<CaseOpening?> GetOpeningAsync(string caseId);

    /// <summary>
    /// The cell's live state. Interleaves: it waits for the report link store (which counts each case's reports), and
    /// reports keep being processed meanwhile.
    /// </summary>
    [Alias("GetSnapshot"), AlwaysInterleave]
    Task<CellSnapshot> GetSnapshotAsync();

    /// <summary>The cell's pulse as a live view shows it (Governance.Contracts.LiveFeed); the same is sent on every change.</summary>
    [Alias("GetPulse"), Orleans.Concurrency.ReadOnly]
    Task<LiveFeed.CellPulse> GetPulseAsync();

    /// <summary>
    /// A case of this cell moved in its lifecycle: its row takes the new status, department and due time, and is stored
    /// before this returns. A closed case keeps its row (the cell's counters come from the rows, lists of cases read
    /// them) and leaves the list of open cases.
    /// </summary>
    [Alias("SetCaseProgress")]
    Task SetCaseProgressAsync(string caseId, CaseProgress progress);

    /// <summary>The evaluation of this cell's cases opened on the days <paramref name="firstDay"/> to <paramref name="lastDay"/>, both included.</summary>
    [Alias("Evaluate")]
    Task<Evaluation.EvaluationReport> EvaluateAsync(DateOnly firstDay, DateOnly lastDay);

    /// <summary>Takes the cell's flood risk from a storm warning into its live state, stored before this returns.</summary>
    [Alias("SetFloodRisk")]
    Task SetFloodRiskAsync(CellFloodRisk risk);

    /// <summary>Pushes the day tallies changed since the last push to the cell's area now, rather than at the next timer.</summary>
    [Alias("PushEvaluation")]
    Task PushEvaluationAsync();
}
