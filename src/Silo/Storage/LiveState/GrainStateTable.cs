using System.Data.Common;

namespace Governance.Silo.Storage.LiveState;

/// <summary>
/// The SQL of <c>gov_grain_state</c>, the same on SQLite and PostgreSQL. A batch of writes is one transaction;
/// each write checks the version it expects, so a stale write fails alone and the rest commit.
/// </summary>
internal sealed class GrainStateTable(StorageConnection target, string serviceId)
{
    private const string Key = "service_id = @service AND state_name = @state AND grain_id = @grain";
    private const string ReadSql = "SELECT version, payload FROM gov_grain_state WHERE " + Key;

    private const string InsertSql =
        "INSERT INTO gov_grain_state (service_id, state_name, grain_id, version, payload) "
        + "VALUES (@service, @state, @grain, 1, @payload) ON CONFLICT DO NOTHING";

    private const string UpdateSql = "UPDATE gov_grain_state SET version = version + 1, payload = @payload WHERE " + Key + " AND version = @version";
    private const string DeleteSql = "DELETE FROM gov_grain_state WHERE " + Key + " AND version = @version";

    /// <summary>The stored version and payload of one grain's state, or null if it has none.</summary>
    public async Task<(long Version, string Payload)?> ReadAsync(string stateName, string grainId, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        command.AddParameter("service", serviceId);
        command.AddParameter("state", stateName);
        command.AddParameter("grain", grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Applies the writes in one transaction; returns, per write, whether its version matched.</summary>
    public async Task<bool[]> ApplyAsync(IReadOnlyList<PendingStateWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = connection.CanCreateBatch
            ? await ApplyAsBatchAsync(connection, transaction, writes, cancellationToken)
            : await ApplyOneByOneAsync(connection, transaction, writes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    // PostgreSQL: every statement in one round trip.
    private async Task<bool[]> ApplyAsBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingStateWrite> writes, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var write in writes)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = SqlOf(write.Kind);
            foreach (var (name, value) in ParametersOf(write))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands.Select(c => c.RecordsAffected == 1).ToArray();
    }

    // SQLite is in-process: a statement per row costs microseconds, with one prepared command per kind of write.
    private async Task<bool[]> ApplyOneByOneAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingStateWrite> writes, CancellationToken cancellationToken)
    {
        var prepared = new Dictionary<StateWriteKind, DbCommand>();
        try
        {
            var applied = new bool[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                if (!prepared.TryGetValue(writes[i].Kind, out var command))
                {
                    prepared[writes[i].Kind] = command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = SqlOf(writes[i].Kind);
                    foreach (var (name, value) in ParametersOf(writes[i]))
                    {
                        command.AddParameter(name, value);
                    }

                    await command.PrepareAsync(cancellationToken);
                }
                else
                {
                    foreach (var (name, value) in ParametersOf(writes[i]))
                    {
                        command.Parameters[name].Value = value;
                    }
                }

                applied[i] = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            }

            return applied;
        }
        finally
        {
            foreach (var command in prepared.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static string SqlOf(StateWriteKind kind) => kind switch
    {
        StateWriteKind.Insert => InsertSql,
        StateWriteKind.Update => UpdateSql,
        _ => DeleteSql,
    };

    private IEnumerable<(string Name, object Value)> ParametersOf(PendingStateWrite write)
    {
        yield return ("service", serviceId);
        yield return ("state", write.StateName);
        yield return ("grain", write.GrainId);
        if (write.Kind != StateWriteKind.Insert)
        {
            yield return ("version", write.ExpectedVersion);
        }

        if (write.Kind != StateWriteKind.Delete)
        {
            yield return ("payload", write.Payload!);
        }
    }
}
