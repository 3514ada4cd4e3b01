using System.Data;
using System.Data.Common;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage;

/// <summary>
/// <see cref="IRegistryStore"/> over the <c>gov_registry</c> table, on SQLite or PostgreSQL through plain ADO.NET.
/// A connection per call (both drivers pool them), so the store is safe to share as a singleton. Bulk upserts run
/// in one transaction: 100,000 small rows take about a second on either database.
/// </summary>
public sealed class SqlRegistryStore : IRegistryStore
{
    // SQLite (3.24+) and PostgreSQL both take ON CONFLICT … DO UPDATE and @name parameters. SQLite is in-process,
    // so one prepared statement executed per row is its fast path; PostgreSQL gets the rows as arrays instead.
    private const string UpsertSql =
        "INSERT INTO gov_registry (kind, id, cell, body) VALUES (@kind, @id, @cell, @body) "
        + "ON CONFLICT (kind, id) DO UPDATE SET cell = excluded.cell, body = excluded.body";

    private const string UpsertArraysSql =
        "INSERT INTO gov_registry (kind, id, cell, body) "
        + "SELECT * FROM unnest(@kinds::text[], @ids::text[], @cells::text[], @bodies::text[]) "
        + "ON CONFLICT (kind, id) DO UPDATE SET cell = excluded.cell, body = excluded.body";

    private const string GetSql = "SELECT kind, id, cell, body FROM gov_registry WHERE kind = @kind AND id = @id";
    private const string ListByCellSql = "SELECT kind, id, cell, body FROM gov_registry WHERE kind = @kind AND cell = @cell ORDER BY id";
    private const string CountSql = "SELECT COUNT(*) FROM gov_registry WHERE kind = @kind";
    private const string CountByCellSql = "SELECT COUNT(*) FROM gov_registry WHERE kind = @kind AND cell = @cell";

    // Rows per statement on PostgreSQL: a per-row round trip would dominate a bulk load.
    private const int ChunkSize = 5000;

    private readonly StorageConnection _target;

    /// <summary>Creates a store for the database the options point at; the schema must have been applied.</summary>
    public SqlRegistryStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _target = options.GetConnection();
    }

    /// <inheritdoc />
    public async Task UpsertManyAsync(IEnumerable<RegistryRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var connection = await _target.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One transaction: all or nothing, and on SQLite one commit (one fsync) instead of one per row.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (_target.Provider == StorageProvider.PostgreSql)
                {
                    await UpsertChunkedAsync(connection, transaction, records, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await UpsertPreparedAsync(connection, transaction, records, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<RegistryRecord?> GetAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(id);
        var rows = await QueryAsync(GetSql, [("kind", kind), ("id", id)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRecord>> ListByCellAsync(string kind, string cell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(cell);
        return await QueryAsync(ListByCellSql, [("kind", kind), ("cell", cell)], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long> CountAsync(string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return CountAsync(CountSql, [("kind", kind)], cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountByCellAsync(string kind, string cell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(cell);
        return CountAsync(CountByCellSql, [("kind", kind), ("cell", cell)], cancellationToken);
    }

    private async Task<long> CountAsync(string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        var connection = await _target.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    AddParameter(command.CreateParameter(), command.Parameters, name, value);
                }

                var count = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static async Task UpsertPreparedAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<RegistryRecord> records, CancellationToken cancellationToken)
    {
        // One prepared statement, parameters rebound per row: SQLite compiles the SQL once.
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = UpsertSql;
            var kind = AddParameter(command.CreateParameter(), command.Parameters, "kind", null);
            var id = AddParameter(command.CreateParameter(), command.Parameters, "id", null);
            var cell = AddParameter(command.CreateParameter(), command.Parameters, "cell", null);
            var body = AddParameter(command.CreateParameter(), command.Parameters, "body", null);
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);

            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Validate(record);
                kind.Value = record.Kind;
                id.Value = record.Id;
                cell.Value = (object?)record.Cell ?? DBNull.Value;
                body.Value = record.Body;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task UpsertChunkedAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<RegistryRecord> records, CancellationToken cancellationToken)
    {
        // PostgreSQL: one statement per chunk with the rows as arrays, instead of one round trip per row.
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = UpsertArraysSql;
            var chunk = new Dictionary<(string Kind, string Id), RegistryRecord>(ChunkSize);
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Validate(record);
                // ON CONFLICT may touch a row only once per statement: within a chunk the last record for a key wins,
                // which is what running them in order would leave behind.
                chunk[(record.Kind, record.Id)] = record;
                if (chunk.Count >= ChunkSize)
                {
                    await ExecuteChunkAsync(command, chunk.Values, cancellationToken).ConfigureAwait(false);
                    chunk.Clear();
                }
            }

            if (chunk.Count > 0)
            {
                await ExecuteChunkAsync(command, chunk.Values, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteChunkAsync(DbCommand command, ICollection<RegistryRecord> rows, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        AddArray(command, "kinds", rows.Select(r => r.Kind));
        AddArray(command, "ids", rows.Select(r => r.Id));
        AddArray(command, "cells", rows.Select(r => r.Cell));
        AddArray(command, "bodies", rows.Select(r => r.Body));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddArray(DbCommand command, string name, IEnumerable<string?> values)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // Npgsql sends a string[] as text[].
        parameter.Value = values.ToArray();
        command.Parameters.Add(parameter);
    }

    private async Task<List<RegistryRecord>> QueryAsync(
        string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        var connection = await _target.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    AddParameter(command.CreateParameter(), command.Parameters, name, value);
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var rows = new List<RegistryRecord>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(new RegistryRecord(
                            reader.GetString(0),
                            reader.GetString(1),
                            reader.IsDBNull(2) ? null : reader.GetString(2),
                            reader.GetString(3)));
                    }

                    return rows;
                }
            }
        }
    }


    private static DbParameter AddParameter(DbParameter parameter, DbParameterCollection parameters, string name, string? value)
    {
        parameter.ParameterName = name;
        // An explicit type, so a NULL cell is still sent as text to PostgreSQL.
        parameter.DbType = DbType.String;
        parameter.Value = (object?)value ?? DBNull.Value;
        parameters.Add(parameter);
        return parameter;
    }

    private static void Validate(RegistryRecord record)
    {
        if (record is null)
        {
            throw new ArgumentException("The records contain a null entry.", nameof(record));
        }

        if (string.IsNullOrEmpty(record.Kind) || string.IsNullOrEmpty(record.Id) || record.Body is null)
        {
            throw new ArgumentException($"Registry record ({record.Kind}, {record.Id}) needs a kind, an id and a body.", nameof(record));
        }
    }
}
