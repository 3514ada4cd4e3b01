using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// <see cref="IReportLinkStore"/> on a link table (<see cref="ILinkTable"/>: segments in a SQLite file, one table on
/// PostgreSQL). Links gather and are committed together: when a checkpoint needs them stored (<see cref="StoredAsync"/>),
/// when <see cref="CommitAt"/> have gathered, or once the oldest has waited <see cref="DefaultLinger"/>. Report ids are
/// random, so each insert dirties an index page wherever it falls; in one large commit many links share those pages
/// (measured at 800k–1M rows: 21.5 µs of CPU per link at 50,000 a commit against 49.0 at 2,000, bench/LinkLayout.Bench
/// in docs/benchmarks.md).
/// </summary>
internal sealed partial class SqlReportLinkStore : IReportLinkStore, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const int CommitAt = 50_000;

    // Everything gathered goes into one commit: a trigger must never leave a barrier behind for the next round.
    private const int MaxAddsPerCommit = int.MaxValue;
    private const int MaxFindsPerQuery = 2_000;

    // Short enough that a commit is a small burst beside the reports' own work (paced p99 102 against 153 ms at 2 s, three
    // alternated pairs; 150 ms with segments of 50,000 links, docs/benchmarks.md), and long enough that a commit still
    // takes a thousand links or more at half the max rate.
    private static readonly TimeSpan DefaultLinger = TimeSpan.FromMilliseconds(150);

    private readonly StorageConnection _target;
    private readonly ILogger _logger;
    private readonly HeldConnection _writer;
    private readonly HeldConnection _reader;
    private readonly ILinkTable _table;
    private readonly BatchingQueue<PendingLinks> _adds;
    private readonly BatchingQueue<PendingFind> _finds;
    private readonly CancellationTokenSource _stopping = new();

    // Released when links must be committed now rather than after Linger; links gathered but not yet taken.
    private readonly SemaphoreSlim _commitNow = new(0);
    private readonly TimeSpan _linger;
    private int _gathered;

    // Set once links were given up (the store stopped while they failed): no later barrier may then say all is stored.
    private Exception? _lost;

    // Links added and not yet committed, by report: a lookup answers from them too, so that a report's retry that reaches
    // another cell (its point moved) finds the case its first copy opened a moment ago. This silo's only.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReportLink> _unstored = new(StringComparer.Ordinal);

    public SqlReportLinkStore(
        StorageConnection target, string serviceId, ILogger<SqlReportLinkStore> logger, TimeSpan? linger = null, int segmentLinks = SqliteLinkSegments.DefaultSegmentLinks)
    {
        _linger = linger ?? DefaultLinger;
        _target = target;
        _logger = logger;
        _writer = WriterConnections.Acquire(target, this);
        _reader = new HeldConnection(target, writer: false);
        _table = target.Provider == StorageProvider.Sqlite
            ? new SqliteLinkSegments(target, serviceId, _writer, _reader, segmentLinks)
            : new PostgresLinkTable(target, serviceId, _writer, _reader);
        _adds = new BatchingQueue<PendingLinks>("links: commit", MaxAddsPerCommit, WriteBatchAsync, GatherAsync);
        _finds = new BatchingQueue<PendingFind>("links: find", MaxFindsPerQuery, FindBatchAsync);
    }

    public async Task AddAsync(IReadOnlyList<ReportLink> links, CancellationToken cancellationToken = default)
    {
        if (links.Count == 0)
        {
            return;
        }

        var pending = new PendingLinks(links);
        foreach (var link in links)
        {
            _unstored.TryAdd(link.ReportId, link);
        }

        if (!_adds.TryAdd(pending))
        {
            Forget(links);
            throw new InvalidOperationException($"The report link store is stopped; {links.Count} links were not stored.");
        }

        var gathered = Interlocked.Add(ref _gathered, links.Count);
        if (gathered >= CommitAt && gathered - links.Count < CommitAt)
        {
            _commitNow.Release();
        }

        await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    public Task StoredAsync(CancellationToken cancellationToken = default) => BarrierAsync(commitNow: true, cancellationToken);

    public Task StoredByNextCommitAsync(CancellationToken cancellationToken = default) => BarrierAsync(commitNow: false, cancellationToken);

    private async Task BarrierAsync(bool commitNow, CancellationToken cancellationToken)
    {
        // An empty entry in the queue: its batch is committed after every link queued before it.
        var barrier = new PendingLinks([]);
        if (!_adds.TryAdd(barrier))
        {
            throw new InvalidOperationException("The report link store is stopped; earlier links may not be stored.");
        }

        if (commitNow)
        {
            _commitNow.Release();
        }

        await barrier.Outcome.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, ReportLink>> FindAsync(IReadOnlyCollection<string> reportIds, CancellationToken cancellationToken = default)
    {
        if (reportIds.Count == 0)
        {
            return new Dictionary<string, ReportLink>();
        }

        var pending = new PendingFind(reportIds);
        if (!_finds.TryAdd(pending))
        {
            throw new InvalidOperationException("The report link store is stopped; nothing was looked up.");
        }

        return await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default) =>
        caseIds.Count == 0 ? new Dictionary<string, int>() : await _table.CountByCasesAsync(caseIds, cancellationToken);

    public async Task<IReadOnlyList<ReportLink>> ListByCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        await _table.ListByCaseAsync(caseId, cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stops after the grains: their deactivation flushes still find the writer running.
        lifecycle.Subscribe(nameof(SqlReportLinkStore), ServiceLifecycleStage.RuntimeStorageServices, _ => Task.CompletedTask, _ => StopAsync());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
        _commitNow.Dispose();
    }

    private async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_adds.StopAsync(), _finds.StopAsync());
        await WriterConnections.ReleaseAsync(_target, _writer, this);
        await _reader.DisposeAsync();
    }

    // Every caller's question in one query: a storm asks about each report, and a query apiece would cost more than the answers.
    private async Task FindBatchAsync(List<PendingFind> batch)
    {
        try
        {
            var asked = batch.SelectMany(p => p.ReportIds).Distinct(StringComparer.Ordinal).ToArray();
            // Those not yet committed are looked at first: one committed meanwhile is then found in the store.
            var unstored = new Dictionary<string, ReportLink>(StringComparer.Ordinal);
            foreach (var reportId in asked)
            {
                if (_unstored.TryGetValue(reportId, out var link))
                {
                    unstored[reportId] = link;
                }
            }

            var found = (await _table.FindAsync(asked)).ToDictionary(link => link.ReportId, StringComparer.Ordinal);
            foreach (var (reportId, link) in unstored)
            {
                // A stored link wins: the store keeps a report's first link.
                found.TryAdd(reportId, link);
            }

            foreach (var pending in batch)
            {
                var answer = new Dictionary<string, ReportLink>(StringComparer.Ordinal);
                foreach (var reportId in pending.ReportIds)
                {
                    if (found.TryGetValue(reportId, out var link))
                    {
                        answer[reportId] = link;
                    }
                }

                pending.Outcome.TrySetResult(answer);
            }
        }
        catch (Exception ex)
        {
            LogFindFailed(_logger, batch.Count, ex);
            await _reader.ResetAsync();
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }

    private async Task GatherAsync()
    {
        try
        {
            await _commitNow.WaitAsync(_linger, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: commit what is there.
        }

        // Whatever triggered this is queued already (items are queued before the trigger), so this batch takes it.
        while (_commitNow.Wait(0))
        {
        }
    }

    private async Task WriteBatchAsync(List<PendingLinks> batch)
    {
        var links = batch.SelectMany(p => p.Links).ToList();
        Interlocked.Add(ref _gathered, -links.Count);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (_lost is { } lost)
                {
                    throw new InvalidOperationException("Earlier report links were given up; nothing after them is vouched for.", lost);
                }

                if (links.Count > 0)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await _table.CommitAsync(links);
                    var took = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogCommitted(_logger, links.Count, took);
                }

                Forget(links);
                foreach (var pending in batch)
                {
                    pending.Outcome.TrySetResult();
                }

                return;
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                // Links are what a checkpoint vouches for (StoredAsync): they are retried, not dropped. Until they are
                // stored, checkpoints wait and intake is eventually held, which is what an operator should see.
                LogBatchFailed(_logger, links.Count, attempt, ex);
                await WriterConnections.ResetAsync(_target, _writer);
                await PauseAsync(attempt);
            }
            catch (Exception ex)
            {
                _lost ??= ex;
                Forget(links);
                LogBatchLost(_logger, links.Count, ex);
                await WriterConnections.ResetAsync(_target, _writer);
                foreach (var pending in batch)
                {
                    pending.Outcome.TrySetException(ex);
                }

                return;
            }
        }
    }

    private void Forget(IEnumerable<ReportLink> links)
    {
        foreach (var link in links)
        {
            _unstored.TryRemove(new KeyValuePair<string, ReportLink>(link.ReportId, link));
        }
    }

    private async Task PauseAsync(int attempt)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * (1 << Math.Min(attempt - 1, 6)))), _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: one last attempt, then the callers are told.
        }
    }

    // Beside the checkpoint's own line, to tell which of the two a stall of acks lines up with.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed {Count} report links in {Milliseconds} ms")]
    private static partial void LogCommitted(ILogger logger, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The report link store failed to commit {Count} links (attempt {Attempt}); trying again")]
    private static partial void LogBatchFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The report link store stopped before it could commit {Count} links; each caller was told (the journal replays their reports)")]
    private static partial void LogBatchLost(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The report link store failed to answer {Count} lookups; each caller was told")]
    private static partial void LogFindFailed(ILogger logger, int count, Exception exception);

    private sealed class PendingFind(IReadOnlyCollection<string> reportIds) : IBatchItem
    {
        public IReadOnlyCollection<string> ReportIds { get; } = reportIds;

        public TaskCompletionSource<IReadOnlyDictionary<string, ReportLink>> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error) => Outcome.TrySetException(error);
    }

    private sealed class PendingLinks(IReadOnlyList<ReportLink> links) : IBatchItem
    {
        public IReadOnlyList<ReportLink> Links { get; } = links;

        public TaskCompletionSource Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error) => Outcome.TrySetException(error);
    }
}
