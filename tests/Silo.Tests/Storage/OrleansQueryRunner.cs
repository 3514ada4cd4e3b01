using System.Data;
using System.Data.Common;
using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

/// <summary>
/// Runs the installed OrleansQuery rows the way Orleans 10.4.2's AdoNetGrainStorage does (same parameter names
/// and types, every row of every result set collected), so the version contract can be checked without a silo.
/// </summary>
internal sealed class OrleansQueryRunner(StorageConnection target, int grainIdHash = 7, int grainTypeHash = 11)
{
    public const string ServiceId = "query-contract";
    public const string StateName = "note";

    public Task<List<int?>> WriteAsync(string key, int? version, byte[] payload) =>
        RunVersionQueryAsync("WriteToStorageKey", key, version, payload);

    public Task<List<int?>> ClearAsync(string key, int? version) => RunVersionQueryAsync("ClearStorageKey", key, version, null);

    public Task<List<int?>> DeleteAsync(string key, int? version) => RunVersionQueryAsync("DeleteStorageKey", key, version, null);

    public async Task<List<(byte[]? Payload, int? Version)>> ReadAsync(string key)
    {
        var rows = new List<(byte[]?, int?)>();
        await RunAsync("ReadFromStorageKey", key, null, null, includeVersion: false, reader =>
        {
            var payload = reader.IsDBNull(reader.GetOrdinal("PayloadBinary")) ? null : (byte[])reader.GetValue(reader.GetOrdinal("PayloadBinary"));
            var version = reader.IsDBNull(reader.GetOrdinal("Version")) ? (int?)null : Convert.ToInt32(reader.GetValue(reader.GetOrdinal("Version")), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((payload, version));
        });
        return rows;
    }

    private async Task<List<int?>> RunVersionQueryAsync(string queryKey, string key, int? version, byte[]? payload)
    {
        var versions = new List<int?>();
        await RunAsync(queryKey, key, version, payload, includeVersion: true, reader =>
        {
            Assert.Equal("NewGrainStateVersion", reader.GetName(0), ignoreCase: true);
            versions.Add(reader.IsDBNull(0) ? null : Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        });
        return versions;
    }

    private async Task RunAsync(string queryKey, string key, int? version, byte[]? payload, bool includeVersion, Action<DbDataReader> onRow)
    {
        var text = (string?)await Sql.ScalarAsync(target, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}'")
            ?? throw new InvalidOperationException($"OrleansQuery has no {queryKey}.");

        await using var connection = target.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        Add(command, "GrainIdHash", grainIdHash, DbType.Int32);
        Add(command, "GrainIdN0", 0L, DbType.Int64);
        Add(command, "GrainIdN1", 0L, DbType.Int64);
        Add(command, "GrainTypeHash", grainTypeHash, DbType.Int32);
        Add(command, "GrainTypeString", StateName, DbType.String);
        Add(command, "GrainIdExtensionString", key, DbType.String);
        Add(command, "ServiceId", ServiceId, DbType.String);
        if (includeVersion)
        {
            Add(command, "GrainStateVersion", version, DbType.Int32);
        }

        if (payload is not null)
        {
            Add(command, "PayloadBinary", payload, DbType.Binary);
        }

        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                onRow(reader);
            }
        }
        while (await reader.NextResultAsync());
    }

    private static void Add(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
