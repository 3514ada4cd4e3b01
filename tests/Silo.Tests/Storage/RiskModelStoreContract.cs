using Governance.Contracts.Risk;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.Risk;

namespace Governance.Silo.Tests.Storage;

/// <summary>What <see cref="SqlRiskModelStore"/> must do on every provider: keep versions with their files and every promotion, in order.</summary>
public abstract class RiskModelStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Versions_AreNumberedInOrder_WithTheirFiles_AndPromotionsAreKeptInOrder()
    {
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        var store = new SqlRiskModelStore(target.Connection);
        var upload = new RiskModelUpload("FastTree", new string('a', 64), new RiskModelMetrics(0.91, 0.55, 0.04, 0.01, 8_000, 2_000), 0.27, "first", "analyst-1");
        byte[] file = [1, 2, 3, 250, 0, 7];

        var first = await store.AddAsync(upload, file, "sha-1", At);
        var second = await store.AddAsync(upload with { Trainer = "LightGbm", Note = "" }, [9, 9], "sha-2", At.AddHours(1));
        await store.AddPromotionAsync(new RiskPromotion(first.Version, false, "analyst-1", At.AddHours(2)));
        await store.AddPromotionAsync(new RiskPromotion(second.Version, false, "analyst-2", At.AddHours(3)));
        await store.AddPromotionAsync(new RiskPromotion(first.Version, true, "analyst-2", At.AddHours(4)));

        Assert.Equal(first.Version + 1, second.Version);
        Assert.Equal([second.Version, first.Version], (await store.ListAsync()).Select(m => m.Version));
        Assert.Equal(first, await store.GetAsync(first.Version));
        Assert.Equal(("LightGbm", 2L, "sha-2"), ((await store.GetAsync(second.Version))!.Upload.Trainer, second.SizeBytes, second.Sha256));
        Assert.Equal(file, await store.ReadFileAsync(first.Version));
        Assert.Null(await store.GetAsync(99));
        Assert.Null(await store.ReadFileAsync(99));
        Assert.Equal(
            [new RiskPromotion(first.Version, false, "analyst-1", At.AddHours(2)), new RiskPromotion(second.Version, false, "analyst-2", At.AddHours(3)), new RiskPromotion(first.Version, true, "analyst-2", At.AddHours(4))],
            await store.PromotionsAsync());
    }
}

public sealed class SqliteRiskModelStoreTests : RiskModelStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}

[Collection(TestSupport.PostgresFixture.CollectionName)]
public sealed class PostgresRiskModelStoreTests(TestSupport.PostgresFixture postgres) : RiskModelStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
