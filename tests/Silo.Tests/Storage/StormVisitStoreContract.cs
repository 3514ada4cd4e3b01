using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.Risk;

namespace Governance.Silo.Tests.Storage;

/// <summary>What <see cref="SqlStormVisitStore"/> must do on every provider: keep visits once, record outcomes, list the labelled ones.</summary>
public abstract class StormVisitStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Visits_AreKeptOnce_OutcomesReplaceEachOther_AndOnlyLabelledOnesAreTrainingData()
    {
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        var store = new SqlStormVisitStore(target.Connection);
        float[] features = [0.25f, 412.5f, 1, 2, 0, 37, 3, 30, 240, 5];
        var first = new StormVisit("c1", "w1", "h1", "cell-1", At, 3, 0.81, features);
        await store.AddAsync([first, new StormVisit("c2", "w1", "h2", "cell-1", At, 3, 0.42, features), new StormVisit("c3", "w2", "h3", "cell-2", At, 3, 0.3, features)]);
        await store.AddAsync([first with { Probability = 0.1 }]);
        await store.RecordOutcomeAsync("c1", false, "worker-1", At.AddDays(1));
        await store.RecordOutcomeAsync("c1", true, "worker-1", At.AddDays(2));
        await store.RecordOutcomeAsync("c3", false, "dispatcher-1", At.AddDays(2));

        var kept = await store.GetAsync("c1");
        var all = await store.LabelledAsync("");
        var ofW1 = await store.LabelledAsync("w1");

        Assert.Equal((0.81, true, "cell-1", 3L), (kept!.Probability, kept.Flooded, kept.CellId, kept.ModelVersion));
        Assert.Equal(features, kept.Features);
        Assert.Null(await store.GetAsync("c9"));
        Assert.Equal([("c1", true), ("c3", false)], all.Select(v => (v.CaseId, v.Flooded!.Value)).ToArray());
        Assert.Equal(["c1"], ofW1.Select(v => v.CaseId));
    }
}

public sealed class SqliteStormVisitStoreTests : StormVisitStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}

[Collection(TestSupport.PostgresFixture.CollectionName)]
public sealed class PostgresStormVisitStoreTests(TestSupport.PostgresFixture postgres) : StormVisitStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
