using System.Threading.Channels;
using Governance.Contracts.Cases;
using Governance.Intake.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Intake.Pipeline;

/// <summary>
/// The intake path. Reports queue in a bounded channel; one writer appends them to the journal many per
/// transaction (group commit); committed batches go, in journal order, to their cells, and each report's
/// receipt is answered once its cell has processed it. Every few seconds the cells touched are flushed
/// and the journal is checkpointed; at start, what lies after the checkpoint is replayed.
/// </summary>
public sealed partial class IntakePipeline : IAsyncDisposable
{
    private static readonly Task Never = new TaskCompletionSource().Task;

    // The least time from the end of one replay after the checkpoint to the start of the next: while a dead silo is not
    // yet declared dead, its grains fail every call, and a replay right after a failed one would fail the same way. From
    // the end, not the start: a replay of many reports that took longer would otherwise be followed by another at once.
    private static readonly TimeSpan ReplayGap = TimeSpan.FromSeconds(1);

    // How often a unary call waiting for room looks again.
    private static readonly TimeSpan AdmissionPoll = TimeSpan.FromMilliseconds(5);

    private readonly IIntakeJournal _journal;
    private readonly IntakeOptions _options;
    private readonly ILogger<IntakePipeline> _logger;
    private readonly TimeProvider _time;
    private readonly CellDispatcher _dispatcher;
    private readonly Channel<PendingReport> _queue;
    private readonly Channel<List<PendingReport>> _committed;
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;
    private volatile bool _closed;
    private long _lastAppended;
    private long _lastDispatched;
    private long _checkpointed;
    private long _heldBefore = long.MaxValue;

    // Whether the last append failed, so that it may or may not be in the journal (written by the journal writer only).
    private bool _appendInDoubt;

    // Set when what the grains hold may be behind the journal after its checkpoint (a cell's activation was lost, or a
    // batch failed); the dispatch loop replays it.
    private volatile bool _replayWanted;
    private long _lastReplayEnded;

    // Set when a flush found a cell's activation lost: what it had taken and not stored lies in the journal after the
    // checkpoint, and no checkpoint may pass it until a replay has put it back. A replay clears it as it starts.
    private volatile bool _replayBeforeCheckpoint;

    public IntakePipeline(IIntakeJournal journal, IGrainFactory grains, IOptions<IntakeOptions> options, TimeProvider time, ILogger<IntakePipeline> logger)
    {
        _journal = journal;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _dispatcher = new CellDispatcher(grains, _options.FlushParallelism, logger);
        _queue = Channel.CreateBounded<PendingReport>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // A few committed batches may wait for dispatch; beyond that the journal writer waits too.
        _committed = Channel.CreateBounded<List<PendingReport>>(new BoundedChannelOptions(8) { SingleWriter = true });
    }

    /// <summary>Reports journaled but not yet checkpointed.</summary>
    public long Uncheckpointed => Interlocked.Read(ref _lastAppended) - Interlocked.Read(ref _checkpointed);

    /// <summary>Replays the journal after its checkpoint, then starts taking reports.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (checkpoint, last) = await _journal.GetPositionAsync(cancellationToken);
        _checkpointed = checkpoint;
        var replayed = await ReplayAsync(checkpoint, long.MaxValue, cancellationToken);
        _lastAppended = _lastDispatched = Math.Max(last, checkpoint);
        if (replayed > 0)
        {
            await CheckpointAsync();
        }

        LogStarted(_logger, checkpoint, replayed);
        _running = Task.WhenAll(
            Task.Run(() => RunLoopAsync("journal writer", WriteJournalAsync), CancellationToken.None),
            Task.Run(() => RunLoopAsync("dispatch", DispatchAsync), CancellationToken.None));
    }

    // Neither loop should ever end by a failure (each handles the store's); if one does, intake stops answering until a
    // restart, so it is said loudly rather than seen only at stop.
    private async Task RunLoopAsync(string name, Func<CancellationToken, Task> loop)
    {
        try
        {
            await loop(_stopping.Token);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            LogLoopFailed(_logger, name, ex);
            throw;
        }
    }

    /// <summary>
    /// Replays the journal after its checkpoint before the next checkpoint passes it: a silo of the cluster died, and
    /// grains it held may have lost reports of this journal that they had taken but not stored. Processing is
    /// idempotent, so what was not lost is unchanged. Intake goes on; acks wait while the replay runs.
    /// </summary>
    public void ReplayUncheckpointed() => _replayWanted = true;

    /// <summary>
    /// Replays this journal after its checkpoint into the grains, stores them and checkpoints, without taking reports:
    /// the journal of a silo that died, taken over by a survivor.
    /// </summary>
    /// <returns>How many reports were replayed.</returns>
    /// <exception cref="IntakeUnavailableException">A cell failed to take or store them; nothing is checkpointed past them.</exception>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var (checkpoint, last) = await _journal.GetPositionAsync(cancellationToken);
        _checkpointed = checkpoint;
        var replayed = await ReplayAsync(checkpoint, long.MaxValue, cancellationToken);
        _lastAppended = _lastDispatched = Math.Max(last, checkpoint);
        if (!await CheckpointAsync())
        {
            throw new IntakeUnavailableException($"The journal's {replayed} reports after checkpoint {checkpoint} were not all stored; try again.");
        }

        return replayed;
    }

    /// <summary>
    /// Takes a validated report and answers once it is journaled and processed by its cell. A stream waits
    /// for room (<paramref name="waitForRoom"/>); a unary call waits briefly and is then refused.
    /// </summary>
    /// <exception cref="IntakeSaturatedException">No room within the unary admission time.</exception>
    /// <exception cref="IntakeUnavailableException">The journal could not store it, or intake is stopping.</exception>
    public async Task<ReportReceipt> SubmitAsync(string cellId, IncomingReport report, bool waitForRoom, CancellationToken cancellationToken)
    {
        var pending = new PendingReport(cellId, report);
        if (!_queue.Writer.TryWrite(pending))
        {
            await EnqueueSlowlyAsync(pending, waitForRoom, cancellationToken);
        }

        return await pending.Receipt.Task;
    }

    /// <summary>Stops taking reports, finishes what was taken, flushes the cells and checkpoints.</summary>
    public async Task StopAsync()
    {
        _closed = true;
        _queue.Writer.TryComplete();
        await _running;
        await CheckpointAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task EnqueueSlowlyAsync(PendingReport pending, bool waitForRoom, CancellationToken cancellationToken)
    {
        try
        {
            if (waitForRoom)
            {
                await _queue.Writer.WriteAsync(pending, cancellationToken);
                return;
            }

            // A unary call only ever tries to write: a refusal then means the report is certainly not in the queue.
            var deadline = _time.GetTimestamp() + (long)(_options.UnaryAdmissionTimeoutMilliseconds / 1000.0 * _time.TimestampFrequency);
            while (!_queue.Writer.TryWrite(pending))
            {
                if (_closed)
                {
                    throw new ChannelClosedException();
                }

                if (_time.GetTimestamp() >= deadline)
                {
                    throw new IntakeSaturatedException(TimeSpan.FromMilliseconds(_options.RetryAfterMilliseconds));
                }

                await Task.Delay(AdmissionPoll, _time, cancellationToken);
            }
        }
        catch (ChannelClosedException)
        {
            throw new IntakeUnavailableException("Intake is stopping; nothing was taken. Retry with the same external_id.");
        }
    }

    private async Task WriteJournalAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var batch = Drain(reader);
                if (batch.Count < _options.MaxBatchSize && _options.GroupCommitWindowMilliseconds > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(_options.GroupCommitWindowMilliseconds), _time, cancellationToken);
                    batch.AddRange(Drain(reader, _options.MaxBatchSize - batch.Count));
                }

                await WaitForCheckpointRoomAsync(cancellationToken);
                if (await AppendAsync(batch, cancellationToken))
                {
                    await _committed.Writer.WriteAsync(batch, cancellationToken);
                }
            }
        }
        finally
        {
            _committed.Writer.TryComplete();
        }
    }

    private List<PendingReport> Drain(ChannelReader<PendingReport> reader, int? max = null)
    {
        var limit = max ?? _options.MaxBatchSize;
        var batch = new List<PendingReport>(Math.Min(limit, 1024));
        while (batch.Count < limit && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }

        return batch;
    }

    private async Task<bool> AppendAsync(List<PendingReport> batch, CancellationToken cancellationToken)
    {
        try
        {
            if (_appendInDoubt)
            {
                await SkipPastInDoubtAppendAsync(cancellationToken);
            }

            var first = _lastAppended + 1;
            var entries = new JournalEntry[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Sequence = first + i;
                entries[i] = new JournalEntry(first + i, batch[i].CellId, batch[i].Report);
            }

            await _journal.AppendAsync(entries, cancellationToken);
            Interlocked.Exchange(ref _lastAppended, first + batch.Count - 1);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing of the batch is acknowledged. It was one transaction, so it was stored whole or not at all; which,
            // the caller cannot always know (a connection lost while committing), so the next append looks first.
            _appendInDoubt = true;
            LogAppendFailed(_logger, batch.Count, ex);
            var failure = new IntakeUnavailableException("The journal could not store the report; nothing was taken. Retry with the same external_id.", ex);
            foreach (var pending in batch)
            {
                pending.Receipt.TrySetException(failure);
            }

            return false;
        }
    }

    /// <summary>
    /// After a failed append, continues after the journal's last entry: an append whose commit was lost on the way back
    /// may be stored after all, and its sequence numbers given again would fail every append after it. Its reports were
    /// refused, so their senders retry them; processing is idempotent, so a replay of them changes nothing.
    /// </summary>
    private async Task SkipPastInDoubtAppendAsync(CancellationToken cancellationToken)
    {
        var (_, last) = await _journal.GetPositionAsync(cancellationToken);
        if (last > _lastAppended)
        {
            LogInDoubtAppendStored(_logger, _lastAppended + 1, last);
            Interlocked.Exchange(ref _lastAppended, last);
        }

        _appendInDoubt = false;
    }

    private async Task WaitForCheckpointRoomAsync(CancellationToken cancellationToken)
    {
        // Grains hold what is not yet checkpointed in memory: past the limit, intake waits for a checkpoint.
        if (Uncheckpointed <= _options.MaxUncheckpointed)
        {
            return;
        }

        var since = _time.GetTimestamp();
        while (Uncheckpointed > _options.MaxUncheckpointed)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }

        // Acks stop meanwhile: worth an operator's attention.
        var held = _time.GetElapsedTime(since);
        LogHeldForCheckpoint(_logger, _options.MaxUncheckpointed, (long)held.TotalMilliseconds);
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(_options.CheckpointIntervalMilliseconds);
        var lastCheckpoint = _time.GetTimestamp();
        var checkpointing = Task.CompletedTask;
        var reader = _committed.Reader;
        // Batches overlap (each cell still takes them in order), so one slow cell does not hold up the others' acks.
        var inFlight = new Queue<(List<PendingReport> Batch, Task<bool> Done)>();
        try
        {
            while (true)
            {
                if ((_replayWanted || _dispatcher.ActivationLost) && checkpointing.IsCompleted && _time.GetElapsedTime(_lastReplayEnded) >= ReplayGap)
                {
                    await ReplayAgainAsync(inFlight, cancellationToken);
                }

                var waiting = reader.WaitToReadAsync(cancellationToken).AsTask();
                var oldest = inFlight.Count > 0 ? inFlight.Peek().Done : Never;
                var woke = await Task.WhenAny(waiting, oldest, Task.Delay(_replayWanted ? ReplayGap : interval, _time, cancellationToken));
                await CompleteFinishedAsync(inFlight, all: false);
                if (woke == waiting && !await waiting)
                {
                    await CompleteFinishedAsync(inFlight, all: true);
                    return;
                }

                while (reader.TryRead(out var batch))
                {
                    inFlight.Enqueue((batch, _dispatcher.DispatchAsync(batch)));
                    await CompleteFinishedAsync(inFlight, all: false);
                    while (inFlight.Count > _options.DispatchWindow)
                    {
                        await CompleteOldestAsync(inFlight);
                    }

                    if (CheckpointDue(lastCheckpoint, interval))
                    {
                        break;
                    }
                }

                // The checkpoint's flush runs beside dispatch, so acks do not wait for grain writes; one at a time.
                if (CheckpointDue(lastCheckpoint, interval) && checkpointing.IsCompleted)
                {
                    checkpointing = CheckpointAsync();
                    lastCheckpoint = _time.GetTimestamp();
                }
            }
        }
        finally
        {
            await checkpointing;
        }
    }

    private async Task CompleteFinishedAsync(Queue<(List<PendingReport> Batch, Task<bool> Done)> inFlight, bool all)
    {
        while (inFlight.Count > 0 && (all || inFlight.Peek().Done.IsCompleted))
        {
            await CompleteOldestAsync(inFlight);
        }
    }

    // Batches complete in journal order, so the checkpoint never passes a batch still being processed.
    private async Task CompleteOldestAsync(Queue<(List<PendingReport> Batch, Task<bool> Done)> inFlight)
    {
        var (batch, done) = inFlight.Dequeue();
        if (!await done)
        {
            _heldBefore = Math.Min(_heldBefore, batch[0].Sequence);
            _replayWanted = true;
        }

        Interlocked.Exchange(ref _lastDispatched, batch[^1].Sequence);
    }

    private bool CheckpointDue(long lastCheckpoint, TimeSpan interval) =>
        _time.GetElapsedTime(lastCheckpoint) >= interval || Uncheckpointed > _options.MaxUncheckpointed / 2;

    /// <summary>
    /// Replays the journal after the checkpoint up to what was dispatched, in the dispatch loop (the dispatcher's one
    /// caller), once the batches in flight are done. A batch that fails again holds the checkpoint before it and asks
    /// for another replay, a <see cref="ReplayGap"/> later.
    /// </summary>
    private async Task ReplayAgainAsync(Queue<(List<PendingReport> Batch, Task<bool> Done)> inFlight, CancellationToken cancellationToken)
    {
        _replayWanted = false;
        _dispatcher.TakeActivationLost();
        await CompleteFinishedAsync(inFlight, all: true);
        var upTo = Interlocked.Read(ref _lastDispatched);
        var heldBefore = _heldBefore;
        _heldBefore = long.MaxValue;
        var started = _time.GetTimestamp();
        int replayed;
        try
        {
            replayed = await ReplayAsync(Interlocked.Read(ref _checkpointed), upTo, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The journal could not be read (its database is away): the checkpoint stays before what was not replayed,
            // and the loop goes on taking reports; it tries again after the gap.
            LogReplayFailed(_logger, ex);
            _replayWanted = true;
            return;
        }
        finally
        {
            _lastReplayEnded = _time.GetTimestamp();
        }

        LogReplayedAgain(_logger, replayed, (long)_time.GetElapsedTime(started).TotalMilliseconds, heldBefore <= upTo);
        if (_heldBefore != long.MaxValue)
        {
            // A cell failed again: once more after the gap, rather than only at the next checkpoint.
            _replayWanted = true;
        }
    }

    /// <summary>Dispatches the journal's entries after <paramref name="after"/> up to <paramref name="upTo"/>, in order.</summary>
    private async Task<int> ReplayAsync(long after, long upTo, CancellationToken cancellationToken)
    {
        // From the checkpoint on, so it covers whatever a lost activation took.
        _replayBeforeCheckpoint = false;
        var replayed = 0;
        while (after < upTo)
        {
            IReadOnlyList<JournalEntry> entries;
            try
            {
                entries = await _journal.ReadAfterAsync(after, _options.MaxBatchSize, cancellationToken);
            }
            catch
            {
                // What lies after this point was not replayed: no checkpoint may pass it.
                _heldBefore = Math.Min(_heldBefore, after + 1);
                throw;
            }

            var batch = entries.TakeWhile(e => e.Sequence <= upTo).Select(e => new PendingReport(e.CellId, e.Report) { Sequence = e.Sequence }).ToList();
            if (batch.Count == 0)
            {
                return replayed;
            }

            if (!await _dispatcher.DispatchAsync(batch, replaying: true))
            {
                _heldBefore = Math.Min(_heldBefore, batch[0].Sequence);
            }

            after = batch[^1].Sequence;
            replayed += batch.Count;
        }

        return replayed;
    }

    /// <summary>
    /// Flushes the cells and checkpoints; true when the journal is checkpointed up to what was dispatched. One at a time,
    /// never during a replay (the dispatch loop sees to both; tests call it directly only while that loop is idle).
    /// </summary>
    internal async Task<bool> CheckpointAsync()
    {
        if (_replayBeforeCheckpoint)
        {
            // The flush that found the loss emptied the list of cells to flush: a flush now would store only what came
            // since, and checkpoint past the lost reports.
            _replayWanted = true;
            return false;
        }

        var target = Math.Min(Interlocked.Read(ref _lastDispatched), _heldBefore - 1);
        if (target <= _checkpointed)
        {
            return target == Interlocked.Read(ref _lastDispatched);
        }

        // A batch a cell failed holds the checkpoint until the journal is replayed past it.
        if (_heldBefore != long.MaxValue)
        {
            _replayWanted = true;
        }

        var started = _time.GetTimestamp();
        switch (await _dispatcher.FlushAsync())
        {
            case FlushOutcome.Failed:
                return false;
            case FlushOutcome.ActivationLost:
                // What was stored lacks reports the lost activation had taken: replay them before checkpointing.
                _replayBeforeCheckpoint = true;
                _replayWanted = true;
                return false;
        }

        var flushed = _time.GetElapsedTime(started);
        try
        {
            await _journal.CheckpointAsync(target);
            Interlocked.Exchange(ref _checkpointed, target);
            var journal = _time.GetElapsedTime(started) - flushed;
            LogCheckpointed(_logger, target, (long)flushed.TotalMilliseconds, (long)journal.TotalMilliseconds);
            return target == Interlocked.Read(ref _lastDispatched);
        }
        catch (Exception ex)
        {
            LogCheckpointFailed(_logger, target, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Intake journal open at checkpoint {Checkpoint}; replayed {Replayed} reports")]
    private static partial void LogStarted(ILogger logger, long checkpoint, int replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replayed {Replayed} reports after the checkpoint in {Milliseconds} ms (a batch had failed: {HadFailed}); acks waited meanwhile")]
    private static partial void LogReplayedAgain(ILogger logger, int replayed, long milliseconds, bool hadFailed);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Intake's {Loop} loop failed: reports are no longer answered until a restart")]
    private static partial void LogLoopFailed(ILogger logger, string loop, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replaying the journal after the checkpoint failed; the checkpoint is held and the replay will be tried again")]
    private static partial void LogReplayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The journal failed to store {Count} reports; they were refused")]
    private static partial void LogAppendFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed append was stored after all (entries {First} to {Last}); its reports were refused and go on after it")]
    private static partial void LogInDoubtAppendStored(ILogger logger, long first, long last);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint at {Sequence}: grains flushed in {FlushMilliseconds} ms, journal checkpointed in {JournalMilliseconds} ms")]
    private static partial void LogCheckpointed(ILogger logger, long sequence, long flushMilliseconds, long journalMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake held {Milliseconds} ms: more than {Limit} reports waited for a checkpoint (Intake:MaxUncheckpointed)")]
    private static partial void LogHeldForCheckpoint(ILogger logger, int limit, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint at {Sequence} failed; it will be tried again")]
    private static partial void LogCheckpointFailed(ILogger logger, long sequence, Exception exception);
}
