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

    [Fact]
    public async Task StoresOfOneSqliteFile_ShareOneWriter_WhichStaysOpenUntilTheLastLetsGo()
    {
        using var target = await StorageCluster.PrepareAsync(() => Task.FromResult(StorageTarget.NewSqlite()));
        using var other = await StorageCluster.PrepareAsync(() => Task.FromResult(StorageTarget.NewSqlite()));
        object storeA = new(), storeB = new(), storeC = new();
        var first = WriterConnections.Acquire(target.Connection, storeA);
        var second = WriterConnections.Acquire(target.Connection, storeB);
        var elsewhere = WriterConnections.Acquire(other.Connection, storeC);
        Assert.Same(first, second);
        Assert.NotSame(first, elsewhere);
        var open = await first.GetAsync(CancellationToken.None);

        // A store that stops twice (its silo stage, then its disposal) lets go once.
        await WriterConnections.ReleaseAsync(target.Connection, first, storeA);
        await WriterConnections.ReleaseAsync(target.Connection, first, storeA);

        Assert.Same(open, await second.GetAsync(CancellationToken.None));
        Assert.Equal(1L, await ScalarAsync(open, "SELECT 1;"));
        await WriterConnections.ReleaseAsync(target.Connection, second, storeB);
        Assert.Equal(System.Data.ConnectionState.Closed, open.State);
        var fresh = WriterConnections.Acquire(target.Connection, storeA);
        Assert.NotSame(first, fresh);
        await WriterConnections.ReleaseAsync(target.Connection, fresh, storeA);
        await WriterConnections.ReleaseAsync(other.Connection, elsewhere, storeC);
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
