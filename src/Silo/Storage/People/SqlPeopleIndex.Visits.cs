using Governance.Contracts.Residents;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.People;

/// <summary>The visit schedule (<c>gov_visit_due</c>) and the cells' grid workers (<c>gov_cell_worker</c>), <c>09_visits.sql</c>.</summary>
internal sealed partial class SqlPeopleIndex
{
    private const string DueColumns = "v.resident_id, v.name, v.cell_id, v.kind, v.cadence, v.due_at, v.last_visit_at";

    public async Task PutVisitsDueAsync(string residentId, string cellId, string name, IReadOnlyList<VisitDueRow> visits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visits);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Needs no longer on file go; the others keep the case opened for their current due time.
        var kinds = visits.Select((_, i) => $"@kind{i}").ToList();
        await using (var drop = connection.CreateCommand())
        {
            drop.Transaction = transaction;
            drop.CommandText = "DELETE FROM gov_visit_due WHERE resident_id = @id" + (kinds.Count > 0 ? $" AND kind NOT IN ({string.Join(", ", kinds)})" : "");
            drop.AddParameter("id", residentId);
            for (var i = 0; i < visits.Count; i++)
            {
                drop.AddParameter($"kind{i}", visits[i].Kind);
            }

            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var visit in visits)
        {
            await using var put = connection.CreateCommand();
            put.Transaction = transaction;
            put.CommandText = "INSERT INTO gov_visit_due (resident_id, kind, cell_id, name, cadence, due_at, last_visit_at) "
                + "VALUES (@id, @kind, @cell, @name, @cadence, @due, @last) ON CONFLICT (resident_id, kind) DO UPDATE SET "
                + "cell_id = excluded.cell_id, name = excluded.name, cadence = excluded.cadence, due_at = excluded.due_at, last_visit_at = excluded.last_visit_at";
            put.AddParameter("id", residentId);
            put.AddParameter("kind", visit.Kind);
            put.AddParameter("cell", cellId);
            put.AddParameter("name", name);
            put.AddParameter("cadence", (int)visit.Cadence);
            put.AddParameter("due", visit.DueAt.UtcTicks);
            put.AddParameter("last", visit.LastVisitAt is { } last ? last.UtcTicks : DBNull.Value);
            await put.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DueVisit>> ListDueVisitsAsync(DueVisitQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string> { "v.due_at < @before" };
        command.AddParameter("before", query.DueBefore.UtcTicks);
        var from = "gov_visit_due v";
        if (query.WorkerId.Length > 0)
        {
            from += " JOIN gov_cell_worker w ON w.cell_id = v.cell_id";
            where.Add("w.worker_id = @worker");
            command.AddParameter("worker", query.WorkerId);
        }

        if (query.CellId.Length > 0)
        {
            where.Add("v.cell_id = @cell");
            command.AddParameter("cell", query.CellId);
        }

        if (query.AfterDueAt is { } afterDue)
        {
            where.Add("(v.due_at, v.resident_id, v.kind) > (@afterDue, @afterResident, @afterKind)");
            command.AddParameter("afterDue", afterDue.UtcTicks);
            command.AddParameter("afterResident", query.AfterResidentId);
            command.AddParameter("afterKind", query.AfterKind);
        }

        command.CommandText = $"SELECT {DueColumns} FROM {from} WHERE {string.Join(" AND ", where)} ORDER BY v.due_at, v.resident_id, v.kind LIMIT @limit";
        command.AddParameter("limit", query.Limit);
        return await ReadDueAsync(command, cancellationToken);
    }

    public async Task AssignWorkerAsync(string cellId, string workerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await connection.ExecuteAsync(null, workerId.Length == 0
            ? "DELETE FROM gov_cell_worker WHERE cell_id = @cell"
            : "INSERT INTO gov_cell_worker (cell_id, worker_id) VALUES (@cell, @worker) ON CONFLICT (cell_id) DO UPDATE SET worker_id = excluded.worker_id",
            cancellationToken, ("cell", cellId), ("worker", workerId));
    }

    public async Task<string> WorkerOfAsync(string cellId, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT worker_id FROM gov_cell_worker WHERE cell_id = @cell";
        command.AddParameter("cell", cellId);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? "";
    }

    public async Task<IReadOnlyDictionary<string, string>> WorkersOfAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cellIds);
        var wanted = cellIds.ToHashSet(StringComparer.Ordinal);
        var workers = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // A city has a few thousand cells: all assignments in one read.
        command.CommandText = "SELECT cell_id, worker_id FROM gov_cell_worker";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (wanted.Contains(reader.GetString(0)))
            {
                workers[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return workers;
    }

    public async Task<IReadOnlyList<DueVisit>> OverdueWithoutCaseAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DueColumns} FROM gov_visit_due v WHERE v.due_at < @cutoff AND (v.case_due_at IS NULL OR v.case_due_at <> v.due_at) "
            + "ORDER BY v.due_at LIMIT @limit";
        command.AddParameter("cutoff", cutoff.UtcTicks);
        command.AddParameter("limit", limit);
        return await ReadDueAsync(command, cancellationToken);
    }

    public async Task MarkCaseOpenedAsync(string residentId, string kind, DateTimeOffset dueAt, string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await connection.ExecuteAsync(null, "UPDATE gov_visit_due SET case_due_at = @due, case_id = @case WHERE resident_id = @id AND kind = @kind",
            cancellationToken, ("due", dueAt.UtcTicks), ("case", caseId), ("id", residentId), ("kind", kind));
    }

    private static async Task<IReadOnlyList<DueVisit>> ReadDueAsync(System.Data.Common.DbCommand command, CancellationToken cancellationToken)
    {
        var visits = new List<DueVisit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            visits.Add(new DueVisit(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (ServiceCadenceKind)reader.GetInt32(4),
                new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero), reader.IsDBNull(6) ? null : new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero)));
        }

        return visits;
    }
}
