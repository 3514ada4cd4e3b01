using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Governance.Silo.Storage.LiveState;

/// <summary>
/// Grain storage for the intake hot path. Each grain's write is queued and one writer commits whatever has
/// queued meanwhile in a single transaction, so a checkpoint that stores thousands of cases pays for one commit
/// (one fsync, one turn at SQLite's write lock) instead of thousands: the journal's group commit, for grain state.
/// A write completes only once its transaction has committed, as Orleans expects. Versions are ETags: a write
/// from a stale copy fails with <see cref="InconsistentStateException"/> and does not hold back the others. Reads are
/// grouped the same way, by a reader of their own: a storm activates thousands of new cases a second, each reading
/// a row that is not there yet.
/// </summary>
internal sealed partial class GroupCommitGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const int MaxBatch = 2_000;

    private readonly string _name;
    private readonly StorageConnection _target;
    private readonly GrainStateTable _table;
    private readonly HeldConnection _writerConnection;
    private readonly HeldConnection _readerConnection;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger _logger;
    private readonly BatchingQueue<PendingStateWrite> _writes;
    private readonly BatchingQueue<PendingStateRead> _reads;
    private long _transactions;
    private long _written;

    public GroupCommitGrainStorage(string name, StorageConnection target, string serviceId, IGrainStorageSerializer serializer, ILogger<GroupCommitGrainStorage> logger)
    {
        _name = name;
        _target = target;
        _table = new GrainStateTable(serviceId);
        _writerConnection = WriterConnections.Acquire(target, this);
        _readerConnection = new HeldConnection(target, writer: false);
        _serializer = serializer;
        _logger = logger;
        _writes = new BatchingQueue<PendingStateWrite>("state: write", MaxBatch, WriteBatchAsync);
        _reads = new BatchingQueue<PendingStateRead>("state: read", MaxBatch, ReadBatchAsync);
    }

    /// <summary>Transactions committed so far.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Grain writes (and clears) those transactions carried.</summary>
    public long Writes => Interlocked.Read(ref _written);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var read = new PendingStateRead(stateName, grainId.ToString());
        if (!_reads.TryAdd(read))
        {
            throw new InvalidOperationException($"Grain storage '{_name}' is stopped; {read.GrainId} was not read.");
        }

        if (await read.Outcome.Task is not { } stored)
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
            return;
        }

        grainState.State = _serializer.Deserialize<T>(stored.Payload);
        (grainState.ETag, grainState.RecordExists) = (Version(stored.Version), true);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = Bytes(_serializer.Serialize(grainState.State));
        var write = grainState.ETag is { } etag
            ? new PendingStateWrite(StateWriteKind.Update, stateName, grainId.ToString(), ParseVersion(etag), payload)
            : new PendingStateWrite(StateWriteKind.Insert, stateName, grainId.ToString(), 0, payload);
        await CommitAsync(write, grainState.ETag);
        (grainState.ETag, grainState.RecordExists) = (Version(write.ExpectedVersion + 1), true);
    }

    // The serializer's buffer as it is when it is exactly the JSON (the usual case), else a copy.
    private static byte[] Bytes(BinaryData json) =>
        MemoryMarshal.TryGetArray(json.ToMemory(), out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : json.ToArray();

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } etag)
        {
            await CommitAsync(new PendingStateWrite(StateWriteKind.Delete, stateName, grainId.ToString(), ParseVersion(etag), null), etag);
        }

        (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stops after the grains: their deactivation writes still find the writer running.
        lifecycle.Subscribe($"{nameof(GroupCommitGrainStorage)}-{_name}", ServiceLifecycleStage.RuntimeStorageServices, _ => Task.CompletedTask, _ => StopAsync());

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        await Task.WhenAll(_writes.StopAsync(), _reads.StopAsync());
        await WriterConnections.ReleaseAsync(_target, _writerConnection, this);
        await _readerConnection.DisposeAsync();
    }

    private async Task CommitAsync(PendingStateWrite write, string? etag)
    {
        if (!_writes.TryAdd(write))
        {
            throw new InvalidOperationException($"Grain storage '{_name}' is stopped; {write.GrainId} was not written.");
        }

        if (!await write.Outcome.Task)
        {
            throw new InconsistentStateException(
                $"The stored state of {write.GrainId} ({write.StateName}) is not version {etag ?? "none"}: another activation wrote it.", "unknown", etag ?? "none");
        }
    }

    private async Task WriteBatchAsync(List<PendingStateWrite> batch)
    {
        try
        {
            bool[] applied;
            using (await SqliteWriteGate.EnterAsync(_target, CancellationToken.None))
            {
                applied = await _table.ApplyAsync(_writerConnection, batch, CancellationToken.None);
            }

            Interlocked.Increment(ref _transactions);
            Interlocked.Add(ref _written, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(applied[i]);
            }
        }
        catch (Exception ex)
        {
            // One transaction: nothing of the batch is stored, and every grain in it hears so.
            LogBatchFailed(_logger, _name, batch.Count, ex);
            await WriterConnections.ResetAsync(_target, _writerConnection);
            foreach (var write in batch)
            {
                write.Outcome.TrySetException(ex);
            }
        }
    }

    private async Task ReadBatchAsync(List<PendingStateRead> batch)
    {
        try
        {
            var found = await _table.ReadAsync(_readerConnection, batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(found[i]);
            }
        }
        catch (Exception ex)
        {
            LogReadsFailed(_logger, _name, batch.Count, ex);
            await _readerConnection.ResetAsync();
            foreach (var read in batch)
            {
                read.Outcome.TrySetException(ex);
            }
        }
    }

    private static string Version(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long ParseVersion(string etag) =>
        long.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' is not a version of this store.", "unknown", etag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage {Store} failed to read {Count} grains; each grain was told")]
    private static partial void LogReadsFailed(ILogger logger, string store, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage {Store} failed to commit {Count} writes; each grain was told")]
    private static partial void LogBatchFailed(ILogger logger, string store, int count, Exception exception);
}
