using System.Data.Common;

namespace Governance.Silo.Storage.LiveState;

/// <summary>
/// The SQL of <c>gov_grain_state</c>, the same on SQLite and PostgreSQL except for reading many rows at once. A batch
/// of writes is one transaction; each write checks the version it expects, so a stale write fails alone and the rest
/// commit. Reads that arrive together are answered together.
/// </summary>
internal sealed class GrainStateTable(string serviceId)
{
    private const string Key = "service_id = @service AND state_name = @state AND grain_id = @grain";
    private const string ReadSql = "SELECT version, payload FROM gov_grain_state WHERE " + Key;

    // PostgreSQL: one round trip for every grain of one state name.
    private const string ReadManySql =
        "SELECT grain_id, version, payload FROM gov_grain_state WHERE service_id = @service AND state_name = @state AND grain_id = ANY(@grains)";

    private const string InsertSql =
        "INSERT INTO gov_grain_state (service_id, state_name, grain_id, version, payload) "
        + "VALUES (@service, @state, @grain, 1, " + Payload + ") ON CONFLICT DO NOTHING";

    private const string UpdateSql = "UPDATE gov_grain_state SET version = version + 1, payload = " + Payload + " WHERE " + Key + " AND version = @version";

    // SQLite gets the UTF-8 bytes as they are and stores them as text; PostgreSQL gets a string.
    private const string Payload = "CAST(@payload AS TEXT)";
    private const string DeleteSql = "DELETE FROM gov_grain_state WHERE " + Key + " AND version = @version";

    private static readonly string[] KeyParameters = ["service", "state", "grain"];

    /// <summary>Per read, in order, the stored version and payload, or null if the grain has no row.</summary>
    public async Task<(long Version, BinaryData Payload)?[]> ReadAsync(HeldConnection held, IReadOnlyList<PendingStateRead> reads, CancellationToken cancellationToken)
    {
        var found = new (long Version, BinaryData Payload)?[reads.Count];
        if (held.IsSqlite)
        {
            // In-process: a prepared point lookup per row costs microseconds.
            var command = await held.PreparedAsync(ReadSql, KeyParameters, cancellationToken);
            for (var i = 0; i < reads.Count; i++)
            {
                SetKey(command, reads[i].StateName, reads[i].GrainId);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                found[i] = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), BinaryData.FromBytes(reader.GetFieldValue<byte[]>(1))) : null;
            }

            return found;
        }

        var connection = await held.GetAsync(cancellationToken);
        foreach (var sameState in Enumerable.Range(0, reads.Count).GroupBy(i => reads[i].StateName, StringComparer.Ordinal))
        {
            var byGrain = sameState.ToLookup(i => reads[i].GrainId, StringComparer.Ordinal);
            await using var command = connection.CreateCommand();
            command.CommandText = ReadManySql;
            command.AddParameter("service", serviceId);
            command.AddParameter("state", sameState.Key);
            command.AddParameter("grains", byGrain.Select(g => g.Key).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                foreach (var i in byGrain[reader.GetString(0)])
                {
                    found[i] = (reader.GetInt64(1), BinaryData.FromString(reader.GetString(2)));
                }
            }
        }

        return found;
    }

    /// <summary>Applies the writes in one transaction; returns, per write, whether its version matched.</summary>
    public async Task<bool[]> ApplyAsync(HeldConnection held, IReadOnlyList<PendingStateWrite> writes, CancellationToken cancellationToken)
    {
        var connection = await held.GetAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var statements = writes.Select(w => (SqlOf(w.Kind), (IReadOnlyList<(string, object)>)[.. ParametersOf(w, held.IsSqlite)])).ToList();
        var affected = await StatementRuns.RunAsync(held, transaction, statements, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. affected.Select(rows => rows == 1)];
    }

    private static string SqlOf(StateWriteKind kind) => kind switch
    {
        StateWriteKind.Insert => InsertSql,
        StateWriteKind.Update => UpdateSql,
        _ => DeleteSql,
    };

    // By position, in the order of KeyParameters.
    private void SetKey(DbCommand command, string stateName, string grainId)
    {
        command.Parameters[0].Value = serviceId;
        command.Parameters[1].Value = stateName;
        command.Parameters[2].Value = grainId;
    }

    private IEnumerable<(string Name, object Value)> ParametersOf(PendingStateWrite write, bool sqlite)
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
            yield return ("payload", sqlite ? write.Payload! : System.Text.Encoding.UTF8.GetString(write.Payload!));
        }
    }
}
