using System.Text;
using Governance.Grains.Storage;
using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

/// <summary>What the installed schema must do on every provider; subclasses supply the database.</summary>
public abstract class SchemaInstallerContract
{
    /// <summary>The grain persistence provider's queries, on every store.</summary>
    protected static readonly string[] PersistenceQueryKeys = ["ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey"];

    /// <summary>Every OrleansQuery key the store must hold, in ordinal order.</summary>
    protected virtual IReadOnlyList<string> ExpectedQueryKeys => PersistenceQueryKeys;

    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Apply_Twice_IsNoOpAndKeepsData()
    {
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        var registry = new SqlRegistryStore(target.Options);
        await registry.UpsertManyAsync([new RegistryRecord("household", "hh:1", "cell:1", "{\"n\":1}")]);
        var queries = new OrleansQueryRunner(target.Connection);
        Assert.Equal([1], await queries.WriteAsync("cell:1", null, "{}"u8.ToArray()));

        await SchemaInstaller.ApplyAsync(target.Options);

        Assert.Equal(1, await registry.CountAsync("household"));
        Assert.Equal([2], await queries.WriteAsync("cell:1", 1, "{}"u8.ToArray()));
        var keys = (await Sql.QueryAsync(target.Connection, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey"))
            .Select(row => (string)row[0]!).ToArray();
        Assert.Equal(ExpectedQueryKeys, keys);
    }

    [SkippableFact]
    public async Task Apply_SeveralInstallersAtOnce_AllSucceed()
    {
        using var target = await NewTargetAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SchemaInstaller.ApplyAsync(target.Options))));

        Assert.Equal((long)ExpectedQueryKeys.Count, Convert.ToInt64(await Sql.ScalarAsync(target.Connection, "SELECT COUNT(*) FROM OrleansQuery"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task WriteQuery_FollowsOrleansVersionContract()
    {
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        var queries = new OrleansQueryRunner(target.Connection);

        Assert.Equal([1], await queries.WriteAsync("cell:1", null, "one"u8.ToArray()));
        // A second first write lost the race: NULL, which Orleans reports as a version conflict.
        Assert.Equal([null], await queries.WriteAsync("cell:1", null, "other"u8.ToArray()));
        Assert.Equal([2], await queries.WriteAsync("cell:1", 1, "two"u8.ToArray()));
        // A stale ETag gets its own version back: a conflict, and the row is untouched.
        Assert.Equal([1], await queries.WriteAsync("cell:1", 1, "stale"u8.ToArray()));

        var row = Assert.Single(await queries.ReadAsync("cell:1"));
        Assert.Equal("two", Encoding.UTF8.GetString(row.Payload!));
        Assert.Equal(2, row.Version);
    }

    [SkippableFact]
    public async Task ClearAndDeleteQueries_FollowOrleansVersionContract()
    {
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        var queries = new OrleansQueryRunner(target.Connection);
        await queries.WriteAsync("cell:1", null, "one"u8.ToArray());

        Assert.Equal([2], await queries.ClearAsync("cell:1", 1));
        // Clearing again with the old ETag is a conflict: its own version comes back.
        Assert.Equal([1], await queries.ClearAsync("cell:1", 1));
        var cleared = Assert.Single(await queries.ReadAsync("cell:1"));
        Assert.Null(cleared.Payload);
        Assert.Equal(2, cleared.Version);

        Assert.Equal([3], await queries.WriteAsync("cell:1", 2, "again"u8.ToArray()));
        Assert.Equal([4], await queries.DeleteAsync("cell:1", 3));
        Assert.Empty(await queries.ReadAsync("cell:1"));
    }

    [SkippableFact]
    public async Task Queries_KeysWithEqualHashes_StayApart()
    {
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        // Same hashes for both keys, as after a hash collision: only the clear-text key tells the rows apart.
        var queries = new OrleansQueryRunner(target.Connection, grainIdHash: 5, grainTypeHash: 5);

        Assert.Equal([1], await queries.WriteAsync("cell:0520097", null, "long"u8.ToArray()));
        Assert.Equal([1], await queries.WriteAsync("cell:520097", null, "short"u8.ToArray()));
        Assert.Equal([2], await queries.WriteAsync("cell:520097", 1, "short2"u8.ToArray()));

        Assert.Equal("long", Encoding.UTF8.GetString(Assert.Single(await queries.ReadAsync("cell:0520097")).Payload!));
        Assert.Equal("short2", Encoding.UTF8.GetString(Assert.Single(await queries.ReadAsync("cell:520097")).Payload!));
    }
}
