using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Microsoft.Extensions.Logging;

namespace Governance.Intake.Pipeline;

/// <summary>
/// Hands journaled reports to their cells, one batched call per cell, and remembers which cells hold state not yet
/// stored (and which activation of each took it), so that a checkpoint can flush exactly those and tell whether any was
/// lost meanwhile.
/// </summary>
internal sealed partial class CellDispatcher(IGrainFactory grains, int flushParallelism, ILogger logger)
{
    private const int Attempts = 3;
    private readonly Lock _gate = new();

    // Cells touched since the last flush, with the activation that took their first report since then.
    private Dictionary<string, Guid> _dirtyCells = new(StringComparer.Ordinal);

    // 1 when a cell answered from another activation than the one holding its unstored reports: they were lost.
    private int _activationLost;

    // The next batch's call to a cell waits for the previous one to that cell.
    private readonly PerKeySequence _inCellOrder = new();

    /// <summary>
    /// Dispatches a batch; cells run in parallel. Batches may overlap: each cell still gets its reports in journal
    /// order, because a cell's part of a batch starts only after its part of the batch before. Call in journal
    /// order, from one loop. False if a cell kept failing.
    /// </summary>
    public async Task<bool> DispatchAsync(IReadOnlyList<PendingReport> batch, bool replaying = false)
    {
        var byCell = batch.GroupBy(p => p.CellId, StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(byCell.Select(group =>
            _inCellOrder.Enqueue(group.Key, () => DispatchCellAsync(group.Key, group.ToList(), replaying))));
        return results.All(ok => ok);
    }

    /// <summary>
    /// A cell answered from another activation than the one that took its earlier unstored reports: the journal after
    /// the checkpoint must be replayed. The flush tells the same (<see cref="FlushOutcome.ActivationLost"/>).
    /// </summary>
    public bool ActivationLost => Volatile.Read(ref _activationLost) == 1;

    /// <summary>Reads <see cref="ActivationLost"/> and clears it: a replay is about to cover what it warned of.</summary>
    public bool TakeActivationLost() => Interlocked.Exchange(ref _activationLost, 0) == 1;

    /// <summary>
    /// Stores the state of every cell touched since the last flush. May run while batches are dispatched: a cell
    /// touched meanwhile is either flushed now (with more than asked) or stays dirty for the next flush.
    /// <see cref="FlushOutcome.ActivationLost"/> when a cell was stored by another activation than the one that took
    /// its reports since the last flush (its silo died, or it was collected): those reports are not in what was stored.
    /// </summary>
    public async Task<FlushOutcome> FlushAsync()
    {
        Dictionary<string, Guid> dirty;
        var lostBefore = TakeActivationLost();
        lock (_gate)
        {
            dirty = _dirtyCells;
            _dirtyCells = new Dictionary<string, Guid>(StringComparer.Ordinal);
        }

        var failed = new List<KeyValuePair<string, Guid>>();
        var lost = 0;
        // Many cells at a time: the live store commits their writes together.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = flushParallelism };
        await Parallel.ForEachAsync(dirty, parallel, async (cell, _) =>
        {
            try
            {
                if (await grains.Cell(cell.Key).FlushAsync() != cell.Value)
                {
                    LogActivationLost(logger, cell.Key);
                    Interlocked.Increment(ref lost);
                }
            }
            catch (Exception ex)
            {
                LogFlushFailed(logger, cell.Key, ex);
                lock (failed)
                {
                    failed.Add(cell);
                }
            }
        });
        lock (_gate)
        {
            foreach (var (cellId, activation) in failed)
            {
                // A batch that reached another activation while this flush waited (a call to a dead silo can take its
                // whole timeout) means the one that failed went, with what it held unstored: the next flush, of the new
                // activation, would not see that.
                if (!_dirtyCells.TryAdd(cellId, activation) && _dirtyCells[cellId] != activation)
                {
                    LogActivationLost(logger, cellId);
                    lost++;
                }
            }
        }

        return lostBefore || lost > 0 ? FlushOutcome.ActivationLost : failed.Count == 0 ? FlushOutcome.Stored : FlushOutcome.Failed;
    }

    private async Task<bool> DispatchCellAsync(string cellId, List<PendingReport> reports, bool replaying)
    {
        var cell = grains.Cell(cellId);
        var payload = reports.Select(p => p.Report).ToImmutableArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var receipts = await cell.ProcessAsync(payload, replaying);
                var activation = receipts[0].CellActivation;
                lock (_gate)
                {
                    if (!_dirtyCells.TryAdd(cellId, activation) && _dirtyCells[cellId] != activation)
                    {
                        LogActivationLost(logger, cellId);
                        Volatile.Write(ref _activationLost, 1);
                        _dirtyCells[cellId] = activation;
                    }
                }

                for (var i = 0; i < reports.Count; i++)
                {
                    reports[i].Receipt.TrySetResult(receipts[i]);
                }

                return true;
            }
            catch (Exception ex) when (attempt < Attempts)
            {
                LogRetry(logger, cellId, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
            catch (Exception ex)
            {
                // The reports are durable in the journal: the checkpoint stays before them and a restart replays them.
                LogGaveUp(logger, cellId, reports.Count, ex);
                var failure = new IntakeUnavailableException($"Cell {cellId} could not process the report; it is journaled and will be processed when the journal is replayed. Retry with the same external_id.", ex);
                foreach (var report in reports)
                {
                    report.Receipt.TrySetException(failure);
                }

                return false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cell {CellId} failed attempt {Attempt} to process a batch")]
    private static partial void LogRetry(ILogger logger, string cellId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cell {CellId} failed to process {Count} journaled reports; the checkpoint is held before them")]
    private static partial void LogGaveUp(ILogger logger, string cellId, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cell {CellId} is another activation than the one that took its unstored reports; they will be replayed")]
    private static partial void LogActivationLost(ILogger logger, string cellId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cell {CellId} failed to store its state; it stays dirty")]
    private static partial void LogFlushFailed(ILogger logger, string cellId, Exception exception);
}
