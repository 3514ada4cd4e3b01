using System.Data.Common;
using Governance.Contracts.Cases;
using Governance.Grains.Storage;
using Governance.Silo.Storage.LiveState;
using Microsoft.Extensions.Logging;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// <see cref="IReportLinkStore"/> on <c>gov_report_link</c>. Links that callers add while a transaction runs go into
/// the next one together (group commit), as grain state does in the live store.
/// </summary>
internal sealed partial class SqlReportLinkStore : IReportLinkStore, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const int MaxBatch = 2_000;

    private const string InsertSql =
        "INSERT INTO gov_report_link (service_id, report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at) "
        + "VALUES (@service, @report, @case, @cell, @reporter, @channel, @external, @at) ON CONFLICT DO NOTHING";

    private const string Columns = "report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at";

    // SQLite takes the ids as one JSON array; PostgreSQL as one text array.
    private const string FindSqlite = "SELECT " + Columns + " FROM gov_report_link WHERE service_id = @service AND report_id IN (SELECT value FROM json_each(@reports))";
    private const string FindPostgres = "SELECT " + Columns + " FROM gov_report_link WHERE service_id = @service AND report_id = ANY(@reports)";
    private const string CountSql = "SELECT COUNT(*) FROM gov_report_link WHERE service_id = @service AND case_id = @case";
    private const string ListSql = "SELECT " + Columns + " FROM gov_report_link WHERE service_id = @service AND case_id = @case ORDER BY reported_at, report_id";

    private readonly StorageConnection _target;
    private readonly string _serviceId;
    private readonly ILogger _logger;
    private readonly HeldConnection _writer;
    private readonly HeldConnection _reader;
    private readonly BatchingQueue<PendingLinks> _adds;
    private readonly BatchingQueue<PendingFind> _finds;

    public SqlReportLinkStore(StorageConnection target, string serviceId, ILogger<SqlReportLinkStore> logger)
    {
        _target = target;
        _serviceId = serviceId;
        _logger = logger;
        _writer = new HeldConnection(target, writer: true);
        _reader = new HeldConnection(target, writer: false);
        _adds = new BatchingQueue<PendingLinks>(MaxBatch, WriteBatchAsync);
        _finds = new BatchingQueue<PendingFind>(MaxBatch, FindBatchAsync);
    }

    public async Task<bool[]> AddAsync(IReadOnlyList<ReportLink> links, CancellationToken cancellationToken = default)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var pending = new PendingLinks(links);
        if (!_adds.TryAdd(pending))
        {
            throw new InvalidOperationException($"The report link store is stopped; {links.Count} links were not stored.");
        }

        return await pending.Outcome.Task.WaitAsync(cancellationToken);
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

    public async Task<int> CountByCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CountSql;
        command.AddParameter("service", _serviceId);
        command.AddParameter("case", caseId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<ReportLink>> ListByCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ListSql;
        command.AddParameter("service", _serviceId);
        command.AddParameter("case", caseId);
        return await ReadLinksAsync(command, cancellationToken);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stops after the grains: their deactivation flushes still find the writer running.
        lifecycle.Subscribe(nameof(SqlReportLinkStore), ServiceLifecycleStage.RuntimeStorageServices, _ => Task.CompletedTask, _ => StopAsync());

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        await Task.WhenAll(_adds.StopAsync(), _finds.StopAsync());
        await _writer.DisposeAsync();
        await _reader.DisposeAsync();
    }

    // Every caller's question in one query: a storm asks about each report, and a query apiece would cost more than the answers.
    private async Task FindBatchAsync(List<PendingFind> batch)
    {
        try
        {
            var asked = batch.SelectMany(p => p.ReportIds).Distinct(StringComparer.Ordinal).ToArray();
            var found = (await FindInStoreAsync(asked)).ToDictionary(link => link.ReportId, StringComparer.Ordinal);
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

    private async Task WriteBatchAsync(List<PendingLinks> batch)
    {
        try
        {
            var statements = batch.SelectMany(p => p.Links).Select(link => (InsertSql, ParametersOf(link))).ToList();
            int[] affected;
            using (await SqliteWriteGate.EnterAsync(_target, CancellationToken.None))
            {
                var connection = await _writer.GetAsync(CancellationToken.None);
                await using var transaction = await connection.BeginTransactionAsync();
                affected = await StatementRuns.RunAsync(_writer, transaction, statements, CancellationToken.None);
                await transaction.CommitAsync();
            }

            var next = 0;
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetResult([.. affected.Skip(next).Take(pending.Links.Count).Select(rows => rows == 1)]);
                next += pending.Links.Count;
            }
        }
        catch (Exception ex)
        {
            LogBatchFailed(_logger, batch.Sum(p => p.Links.Count), ex);
            await _writer.ResetAsync();
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }

    private async Task<List<ReportLink>> FindInStoreAsync(string[] reportIds)
    {
        if (_reader.IsSqlite)
        {
            // One prepared statement however many ids: they travel as one JSON array.
            var prepared = await _reader.PreparedAsync(FindSqlite, ["service", "reports"], CancellationToken.None);
            prepared.Parameters["service"].Value = _serviceId;
            prepared.Parameters["reports"].Value = System.Text.Json.JsonSerializer.Serialize(reportIds);
            return await ReadLinksAsync(prepared, CancellationToken.None);
        }

        var connection = await _reader.GetAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = FindPostgres;
        command.AddParameter("service", _serviceId);
        command.AddParameter("reports", reportIds);
        return await ReadLinksAsync(command, CancellationToken.None);
    }

    private IReadOnlyList<(string Name, object Value)> ParametersOf(ReportLink link) =>
    [
        ("service", _serviceId),
        ("report", link.ReportId),
        ("case", link.CaseId),
        ("cell", link.CaseCellId),
        ("reporter", link.Reporter.ReporterId),
        ("channel", (int)link.Reporter.Channel),
        ("external", link.Reporter.ExternalId),
        ("at", link.Reporter.ReportedAt.UtcTicks),
    ];

    private static async Task<List<ReportLink>> ReadLinksAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var links = new List<ReportLink>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var reporter = new ReporterEntry(
                reader.GetString(3), (ReportChannel)reader.GetInt32(4), reader.GetString(5), new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero));
            links.Add(new ReportLink(reader.GetString(0), reader.GetString(1), reader.GetString(2), reporter));
        }

        return links;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The report link store failed to commit {Count} links; each caller was told")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The report link store failed to answer {Count} lookups; each caller was told")]
    private static partial void LogFindFailed(ILogger logger, int count, Exception exception);

    private sealed class PendingFind(IReadOnlyCollection<string> reportIds)
    {
        public IReadOnlyCollection<string> ReportIds { get; } = reportIds;

        public TaskCompletionSource<IReadOnlyDictionary<string, ReportLink>> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class PendingLinks(IReadOnlyList<ReportLink> links)
    {
        public IReadOnlyList<ReportLink> Links { get; } = links;

        public TaskCompletionSource<bool[]> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
