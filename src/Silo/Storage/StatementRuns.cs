using System.Data.Common;
using System.Diagnostics;

namespace Governance.Silo.Storage;

/// <summary>Many parameterized statements in one transaction, the fastest way each database allows.</summary>
internal static class StatementRuns
{
    /// <summary>
    /// Runs each statement and returns the rows each affected. SQLite is in-process, so a statement costs microseconds:
    /// each runs on its own, prepared once per SQL text on the held connection. PostgreSQL gets them all in one round trip.
    /// </summary>
    public static async Task<int[]> RunAsync(
        HeldConnection held, DbTransaction transaction, IReadOnlyList<(string Sql, IReadOnlyList<(string Name, object Value)> Parameters)> statements, CancellationToken cancellationToken)
    {
        return held.IsSqlite
            ? await RunPreparedAsync(held, transaction, statements, cancellationToken)
            : await RunAsBatchAsync(transaction, statements, cancellationToken);
    }

    private static async Task<int[]> RunPreparedAsync(
        HeldConnection held, DbTransaction transaction, IReadOnlyList<(string Sql, IReadOnlyList<(string Name, object Value)> Parameters)> statements, CancellationToken cancellationToken)
    {
        var affected = new int[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var (sql, parameters) = statements[i];
            var command = await held.PreparedAsync(sql, parameters.Select(p => p.Name), cancellationToken);
            command.Transaction = transaction;
            // By position: a statement's parameters always come in the order they were prepared with.
            for (var p = 0; p < parameters.Count; p++)
            {
                Debug.Assert(command.Parameters[p].ParameterName.EndsWith(parameters[p].Name, StringComparison.Ordinal), "parameters out of their prepared order");
                command.Parameters[p].Value = parameters[p].Value;
            }

            affected[i] = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return affected;
    }

    private static async Task<int[]> RunAsBatchAsync(
        DbTransaction transaction, IReadOnlyList<(string Sql, IReadOnlyList<(string Name, object Value)> Parameters)> statements, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, parameters) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return [.. batch.BatchCommands.Select(c => c.RecordsAffected)];
    }
}
