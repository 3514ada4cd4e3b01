using System.Data;
using System.Data.Common;
using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

/// <summary>Small ADO.NET helpers for looking at the database directly from tests.</summary>
internal static class Sql
{
    public static async Task<List<object?[]>> QueryAsync(StorageConnection target, string sql, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = target.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    public static async Task<object?> ScalarAsync(StorageConnection target, string sql)
    {
        var rows = await QueryAsync(target, sql);
        return rows.Count == 0 ? null : rows[0][0];
    }

    public static async Task ExecuteAsync(StorageConnection target, string sql, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = target.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static void AddParameters(DbCommand command, (string Name, object? Value, DbType Type)[] parameters)
    {
        foreach (var (name, value, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
