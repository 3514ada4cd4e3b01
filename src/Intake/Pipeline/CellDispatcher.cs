using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Microsoft.Extensions.Logging;

namespace Governance.Intake.Pipeline;

/// <summary>
/// Hands journaled reports to their cells, one batched call per cell, and remembers which cells hold
/// state not yet stored, so that a checkpoint can flush exactly those.
/// </summary>
internal sealed partial class CellDispatcher(IGrainFactory grains, int flushParallelism, ILogger logger)
{
    private const int Attempts = 3;
    private readonly Lock _gate = new();
    private HashSet<string> _dirtyCells = new(StringComparer.Ordinal);

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
    /// Stores the state of every cell touched since the last flush. May run while batches are dispatched: a cell
    /// touched meanwhile is either flushed now (with more than asked) or stays dirty for the next flush.
    /// False if any cell failed to store.
    /// </summary>
    public async Task<bool> FlushAsync()
    {
        HashSet<string> dirty;
        lock (_gate)
        {
            dirty = _dirtyCells;
            _dirtyCells = new HashSet<string>(StringComparer.Ordinal);
        }

        var failed = new List<string>();
        // Many cells at a time: the live store commits their writes together.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = flushParallelism };
        await Parallel.ForEachAsync(dirty, parallel, async (cellId, _) =>
        {
            try
            {
                await grains.Cell(cellId).FlushAsync();
            }
            catch (Exception ex)
            {
                LogFlushFailed(logger, cellId, ex);
                lock (failed)
                {
                    failed.Add(cellId);
                }
            }
        });
        lock (_gate)
        {
            _dirtyCells.UnionWith(failed);
        }

        return failed.Count == 0;
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
                lock (_gate)
                {
                    _dirtyCells.Add(cellId);
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
                var failure = new IntakeUnavailableException($"Cell {cellId} could not process the report; it is journaled and will be processed on restart.", ex);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cell {CellId} failed to store its state; it stays dirty")]
    private static partial void LogFlushFailed(ILogger logger, string cellId, Exception exception);
}
