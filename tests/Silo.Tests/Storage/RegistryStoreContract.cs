using Governance.Grains.Storage;
using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

/// <summary>What <see cref="SqlRegistryStore"/> must do on every provider; subclasses supply the database.</summary>
public abstract class RegistryStoreContract
{
    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Upsert_ThenGet_RoundTripsEveryField()
    {
        var (target, store) = await NewStoreAsync();
        using var _ = target;

        await store.UpsertManyAsync(
        [
            new RegistryRecord("household", "hh:1", "cell:0520097", "{\"members\":3,\"name\":\"王家\"}"),
            new RegistryRecord("city", "demo", null, "{\"cells\":42}"),
        ]);

        Assert.Equal(new RegistryRecord("household", "hh:1", "cell:0520097", "{\"members\":3,\"name\":\"王家\"}"), await store.GetAsync("household", "hh:1"));
        Assert.Equal(new RegistryRecord("city", "demo", null, "{\"cells\":42}"), await store.GetAsync("city", "demo"));
        Assert.Null(await store.GetAsync("household", "hh:2"));
        Assert.Null(await store.GetAsync("resident", "hh:1"));
    }

    [SkippableFact]
    public async Task Upsert_SameKeyAgain_ReplacesBodyAndCell()
    {
        var (target, store) = await NewStoreAsync();
        using var _ = target;

        await store.UpsertManyAsync([new RegistryRecord("resident", "res:1", "cell:1", "{\"v\":1}")]);
        // Repeated within one call too: the last one wins.
        await store.UpsertManyAsync(
        [
            new RegistryRecord("resident", "res:1", "cell:2", "{\"v\":2}"),
            new RegistryRecord("resident", "res:1", "cell:3", "{\"v\":3}"),
        ]);

        Assert.Equal(new RegistryRecord("resident", "res:1", "cell:3", "{\"v\":3}"), await store.GetAsync("resident", "res:1"));
        Assert.Equal(1, await store.CountAsync("resident"));
    }

    [SkippableFact]
    public async Task ListByCell_ReturnsThatKindAndCellOnly_OrderedById()
    {
        var (target, store) = await NewStoreAsync();
        using var _ = target;
        string[] ids = ["res:b", "res:10", "res:a", "res:C", "res:9"];
        await store.UpsertManyAsync(ids.Select(id => new RegistryRecord("resident", id, "cell:1", "{}"))
            .Append(new RegistryRecord("resident", "res:x", "cell:2", "{}"))
            .Append(new RegistryRecord("household", "hh:1", "cell:1", "{}"))
            .Append(new RegistryRecord("resident", "res:y", null, "{}")));

        var listed = await store.ListByCellAsync("resident", "cell:1");

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Select(r => r.Id));
        Assert.All(listed, r => Assert.Equal(("resident", "cell:1"), (r.Kind, r.Cell)));
        Assert.Empty(await store.ListByCellAsync("resident", "cell:9"));
        Assert.Equal((5L, 1L, 0L), (await store.CountByCellAsync("resident", "cell:1"), await store.CountByCellAsync("household", "cell:1"), await store.CountByCellAsync("resident", "cell:9")));
    }

    [SkippableFact]
    public async Task Count_CountsOneKind()
    {
        var (target, store) = await NewStoreAsync();
        using var _ = target;
        await store.UpsertManyAsync(Enumerable.Range(0, 25).Select(i => new RegistryRecord("household", $"hh:{i}", "cell:1", "{}"))
            .Concat(Enumerable.Range(0, 7).Select(i => new RegistryRecord("resident", $"res:{i}", "cell:1", "{}"))));

        Assert.Equal(25, await store.CountAsync("household"));
        Assert.Equal(7, await store.CountAsync("resident"));
        Assert.Equal(0, await store.CountAsync("city"));
    }

    [SkippableFact]
    public async Task Upsert_InvalidRecordInTheMiddle_WritesNothing()
    {
        var (target, store) = await NewStoreAsync();
        using var _ = target;
        var records = Enumerable.Range(0, 6000).Select(i => new RegistryRecord("household", $"hh:{i}", "cell:1", "{}")).ToList();
        // Past the first PostgreSQL chunk, so some rows were already sent when it fails.
        records.Insert(5500, new RegistryRecord("household", "", "cell:1", "{}"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertManyAsync(records));

        Assert.Equal(0, await store.CountAsync("household"));
    }

    [SkippableFact]
    public async Task Upsert_HundredThousandRows_FitsTheBudget()
    {
        var (target, store) = await NewStoreAsync();
        using var _ = target;
        var records = Enumerable.Range(0, 100_000)
            .Select(i => new RegistryRecord("resident", $"res:{i:D6}", $"cell:{i % 500:D4}", $"{{\"age\":{i % 90}}}"));

        await store.UpsertManyAsync(records);

        Assert.Equal(100_000, await store.CountAsync("resident"));
        Assert.Equal(200, (await store.ListByCellAsync("resident", "cell:0007")).Count);
    }

    private async Task<(StorageTarget Target, SqlRegistryStore Store)> NewStoreAsync()
    {
        var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        return (target, new SqlRegistryStore(target.Options));
    }
}
