using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

public sealed class HeldConnectionTests
{
    [Fact]
    public async Task AWritersRelaxedSync_NeverReachesAPooledConnection()
    {
        using var target = await StorageCluster.PrepareAsync(() => Task.FromResult(StorageTarget.NewSqlite()));
        var writer = new HeldConnection(target.Connection, writer: true);
        var held = await writer.GetAsync(CancellationToken.None);
        Assert.Equal(1L, await ScalarAsync(held, "PRAGMA synchronous;"));

        await writer.ResetAsync();

        // FULL (2) is SQLite's default: a connection from the pool must still sync its commits (the journal's checkpoint).
        Assert.Equal(2L, await Sql.ScalarAsync(target.Connection, "PRAGMA synchronous;"));
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
