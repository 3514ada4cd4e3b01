using System.Data.Common;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Contracts.Evaluation;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Governance.Silo.Storage.OpenCases;

/// <summary>
/// <see cref="IOpenCaseStore"/> on <c>gov_open_case</c>. Saves are committed by one writer, whatever queued while the
/// transaction before ran in one transaction: a checkpoint flushes a thousand cells at once, and their rows share a commit.
/// </summary>
internal sealed partial class SqlOpenCaseStore : IOpenCaseStore, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const int MaxSavesPerCommit = 2_000;

    private const string Columns =
        "cell_id, case_id, category, status, opened_at, headline, latitude, longitude, first_reported_at, merge_zone, merges_until, department, due_at, facts, kind";

    // Where and when a case was opened, and its merge registration, never change: an update leaves them, and with them
    // the indexes on them, alone.
    private const string UpsertSql =
        "INSERT INTO gov_open_case (service_id, " + Columns + ", description, area_path) "
        + "VALUES (@service, @cell, @case, @category, @status, @opened, @headline, @latitude, @longitude, @first, @zone, @until, @department, @due, @facts, @kind, @description, @area) "
        + "ON CONFLICT (service_id, case_id) DO UPDATE SET status = excluded.status, headline = excluded.headline, "
        + "department = excluded.department, due_at = excluded.due_at, facts = excluded.facts";

    // Rows saved before cases knew their area get it at start, cell by cell (the area index finds them).
    private const string CellsWithoutAreaSql = "SELECT DISTINCT cell_id FROM gov_open_case WHERE service_id = @service AND area_path IS NULL";
    private const string FillAreaSql = "UPDATE gov_open_case SET area_path = @area WHERE service_id = @service AND cell_id = @cell AND area_path IS NULL";

    private const string DescriptionSql = "SELECT description FROM gov_open_case WHERE service_id = @service AND case_id = @case";

    private const string ByCellSql = "SELECT " + Columns + " FROM gov_open_case WHERE service_id = @service AND cell_id = @cell";

    // The newest first report registered in the zone stands for the newest report the zone saw: a case whose window closed
    // before it can take no more duplicates (the zone itself drops such cases as newer reports arrive).
    private const string MergeableSql =
        "SELECT " + Columns + " FROM gov_open_case WHERE service_id = @service AND merge_zone = @zone AND merges_until >= "
        + "(SELECT COALESCE(MAX(first_reported_at), 0) FROM gov_open_case WHERE service_id = @service AND merge_zone = @zone)";

    private readonly StorageConnection _target;
    private readonly string _serviceId;
    private readonly Func<string, string?> _areaPathOf;
    private readonly ILogger _logger;
    private readonly HeldConnection _writer;
    private readonly BatchingQueue<PendingSave> _saves;

    /// <param name="target">The database.</param>
    /// <param name="serviceId">The cluster's service id, part of every row's key.</param>
    /// <param name="areaPathOf">The area path of a cell (<c>CityMap.AreaPath</c> of its area), saved with each new row; null for a cell the map does not have.</param>
    /// <param name="logger">Where failed commits are logged.</param>
    public SqlOpenCaseStore(StorageConnection target, string serviceId, Func<string, string?> areaPathOf, ILogger<SqlOpenCaseStore> logger)
    {
        _target = target;
        _serviceId = serviceId;
        _areaPathOf = areaPathOf;
        _logger = logger;
        _writer = WriterConnections.Acquire(target, this);
        _saves = new BatchingQueue<PendingSave>("open cases: save", MaxSavesPerCommit, SaveBatchAsync);
    }

    public async Task SaveAsync(IReadOnlyList<OpenCaseRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var pending = new PendingSave(rows);
        if (!_saves.TryAdd(pending))
        {
            throw new InvalidOperationException($"The open case store is stopped; {rows.Count} rows were not saved.");
        }

        await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    public async Task<string?> FindDescriptionAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = DescriptionSql;
        command.AddParameter("service", _serviceId);
        command.AddParameter("case", caseId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task<IReadOnlyList<OpenCaseRow>> ListByCellAsync(string cellId, CancellationToken cancellationToken = default) =>
        QueryAsync(ByCellSql, ("cell", cellId), cancellationToken);

    public Task<IReadOnlyList<OpenCaseRow>> ListMergeableAsync(string zone, CancellationToken cancellationToken = default) =>
        QueryAsync(MergeableSql, ("zone", zone), cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stops after the grains: their deactivation flushes still find the writer running.
        lifecycle.Subscribe(nameof(SqlOpenCaseStore), ServiceLifecycleStage.RuntimeStorageServices, FillAreaPathsAsync, _ => StopAsync());

    /// <summary>Gives rows saved before cases knew their area the path of their cell's area; answers how many cells had such rows.</summary>
    public async Task<int> FillAreaPathsAsync(CancellationToken cancellationToken)
    {
        var cells = new List<string>();
        await using (var connection = await _target.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = CellsWithoutAreaSql;
            command.AddParameter("service", _serviceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                cells.Add(reader.GetString(0));
            }
        }

        var statements = cells.Select(cell => (cell, _areaPathOf(cell))).Where(pair => pair.Item2 is not null)
            .Select(pair => (FillAreaSql, (IReadOnlyList<(string, object)>)[("service", _serviceId), ("cell", pair.cell), ("area", pair.Item2!)]))
            .ToList();
        if (statements.Count > 0)
        {
            using (await SqliteWriteGate.EnterAsync(_target, cancellationToken))
            {
                var connection = await _writer.GetAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await StatementRuns.RunAsync(_writer, transaction, statements, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return cells.Count;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        await _saves.StopAsync();
        await WriterConnections.ReleaseAsync(_target, _writer, this);
    }

    private async Task<IReadOnlyList<OpenCaseRow>> QueryAsync(string sql, (string Name, string Value) key, CancellationToken cancellationToken)
    {
        // Cells and zones read their rows once, as they activate: a pooled connection will do.
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("service", _serviceId);
        command.AddParameter(key.Name, key.Value);
        var rows = new List<OpenCaseRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private async Task SaveBatchAsync(List<PendingSave> batch)
    {
        try
        {
            var statements = batch.SelectMany(save => save.Rows).Select(row => (UpsertSql, ParametersOf(row))).ToList();
            using (await SqliteWriteGate.EnterAsync(_target, CancellationToken.None))
            {
                var connection = await _writer.GetAsync(CancellationToken.None);
                await using var transaction = await connection.BeginTransactionAsync();
                await StatementRuns.RunAsync(_writer, transaction, statements, CancellationToken.None);
                await transaction.CommitAsync();
            }

            foreach (var save in batch)
            {
                save.Outcome.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            // One transaction: nothing of the batch is stored, and every caller hears so (a cell keeps its rows to save).
            LogBatchFailed(_logger, batch.Sum(save => save.Rows.Count), ex);
            await WriterConnections.ResetAsync(_target, _writer);
            foreach (var save in batch)
            {
                save.Outcome.TrySetException(ex);
            }
        }
    }

    private IReadOnlyList<(string Name, object Value)> ParametersOf(OpenCaseRow row) =>
    [
        ("service", _serviceId),
        ("cell", row.CellId),
        ("case", row.CaseId),
        ("category", row.Header.Category),
        ("status", (int)row.Header.Status),
        ("opened", row.Header.OpenedAt.UtcTicks),
        ("headline", row.Header.Headline),
        ("latitude", row.Header.Location.Latitude),
        ("longitude", row.Header.Location.Longitude),
        ("first", row.Header.FirstReportedAt.UtcTicks),
        ("zone", (object?)row.Merging?.Zone ?? DBNull.Value),
        ("until", (object?)row.Merging?.Until.UtcTicks ?? DBNull.Value),
        ("department", row.Department.Length > 0 ? row.Department : DBNull.Value),
        ("due", (object?)row.DueAt?.UtcTicks ?? DBNull.Value),
        ("facts", CaseFactsJson.Write(row.Facts)),
        ("kind", (int)row.Header.Kind),
        ("description", (object?)row.Description ?? DBNull.Value),
        ("area", (object?)_areaPathOf(row.CellId) ?? DBNull.Value),
    ];

    private static OpenCaseRow Read(DbDataReader reader) => new(
        reader.GetString(0),
        new CaseHeader(
            reader.GetString(1),
            reader.GetString(2),
            (CaseStatusKind)reader.GetInt32(3),
            Utc(reader.GetInt64(4)),
            reader.GetString(5),
            new GeoLocation(reader.GetDouble(6), reader.GetDouble(7)),
            Utc(reader.GetInt64(8)))
        {
            Kind = (CaseKind)reader.GetInt32(14),
        },
        reader.IsDBNull(9) ? null : new MergeRegistration(reader.GetString(9), Utc(reader.GetInt64(10))))
    {
        Department = reader.IsDBNull(11) ? "" : reader.GetString(11),
        DueAt = reader.IsDBNull(12) ? null : Utc(reader.GetInt64(12)),
        Facts = reader.IsDBNull(13) ? new CaseFacts() : CaseFactsJson.Read(reader.GetString(13)),
    };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Error, Message = "The open case store failed to commit {Count} rows; each caller was told")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed class PendingSave(IReadOnlyList<OpenCaseRow> rows) : IBatchItem
    {
        public IReadOnlyList<OpenCaseRow> Rows { get; } = rows;

        public TaskCompletionSource Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error) => Outcome.TrySetException(error);
    }
}
