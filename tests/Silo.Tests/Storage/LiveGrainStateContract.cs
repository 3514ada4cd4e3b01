using System.Globalization;
using System.Text.Json;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.LiveState;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Governance.Silo.Tests.Storage.TestGrains;
using Orleans.TestingHost;

namespace Governance.Silo.Tests.Storage;

/// <summary>
/// The group-commit store <c>live</c> (cells and cases), on every provider: what Orleans expects of a grain store,
/// read back from the database after a deactivation or a new cluster, plus the batching that is its reason to be.
/// </summary>
public abstract class LiveGrainStateContract
{
    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task WriteState_SurvivesClusterRestart_WithVersionsAsETags()
    {
        using var target = await NewPreparedTargetAsync();
        var serviceId = NewServiceId();
        await using (var cluster = await StartClusterAsync(target, serviceId))
        {
            var note = cluster.Client.GetGrain<ILiveNoteGrain>("case:c1");
            await note.SetAsync("one");
            await note.SetAsync("two");
        }

        await using (var cluster = await StartClusterAsync(target, serviceId))
        {
            var note = cluster.Client.GetGrain<ILiveNoteGrain>("case:c1");
            Assert.Equal(new NoteSnapshot("two", 2, true), await note.GetAsync());
            await note.SetAsync("three");
        }

        var row = Assert.Single(await Sql.QueryAsync(target.Connection, "SELECT version, payload, state_name, grain_id FROM gov_grain_state"));
        Assert.Equal(3L, Convert.ToInt64(row[0], CultureInfo.InvariantCulture));
        using var json = JsonDocument.Parse((string)row[1]!);
        Assert.Equal("three", json.RootElement.GetProperty("Text").GetString());
        Assert.Equal("live-note", row[2]);
        Assert.EndsWith("/case:c1", (string)row[3]!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ClearState_RemovesTheRow_AndAWriteStartsAgain()
    {
        using var target = await NewPreparedTargetAsync();
        await using var cluster = await StartClusterAsync(target, NewServiceId());
        var note = cluster.Client.GetGrain<ILiveNoteGrain>("case:c2");
        await note.SetAsync("soon gone");

        await note.ClearAsync();
        await cluster.DeactivateAsync(note);

        Assert.Equal(new NoteSnapshot(null, 0, false), await note.GetAsync());
        Assert.Equal(0L, await CountAsync(target, "SELECT COUNT(*) FROM gov_grain_state"));
        await note.SetAsync("back");
        await cluster.DeactivateAsync(note);
        Assert.Equal(new NoteSnapshot("back", 1, true), await note.GetAsync());
    }

    [SkippableFact]
    public async Task StaleCopy_IsRefused_AndOthersInTheSameBatchCommit()
    {
        using var target = await NewPreparedTargetAsync();
        await using var cluster = await StartClusterAsync(target, NewServiceId());
        var stale = cluster.Client.GetGrain<ILiveNoteGrain>("case:stale");
        await stale.SetAsync("first");
        // Another writer (another activation, in a split cluster) moved the row on behind this activation's back.
        await Sql.QueryAsync(target.Connection, "UPDATE gov_grain_state SET version = version + 1 WHERE grain_id LIKE '%case:stale'");
        var others = Enumerable.Range(0, 20).Select(i => cluster.Client.GetGrain<ILiveNoteGrain>($"case:ok{i}")).ToList();

        var writes = others.Select(o => o.SetAsync("fine")).ToList();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => stale.SetAsync("second"));
        await Task.WhenAll(writes);

        Assert.Contains("not version 1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(20L, await CountAsync(target, "SELECT COUNT(*) FROM gov_grain_state WHERE grain_id LIKE '%case:ok%' AND version = 1"));
        var stored = Assert.Single(await Sql.QueryAsync(target.Connection, "SELECT payload FROM gov_grain_state WHERE grain_id LIKE '%case:stale'"));
        Assert.Contains("first", (string)stored[0]!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ManyGrainsWritingAtOnce_AllCommit_InFewerTransactionsThanWrites()
    {
        using var target = await NewPreparedTargetAsync();
        await using var cluster = await StartClusterAsync(target, NewServiceId());
        var notes = Enumerable.Range(0, 300).Select(i => cluster.Client.GetGrain<ILiveNoteGrain>($"case:m{i:D4}")).ToList();

        for (var round = 1; round <= 3; round++)
        {
            await Task.WhenAll(notes.Select(note => note.SetAsync($"round {round}")));
        }

        Assert.Equal(300L, await CountAsync(target, "SELECT COUNT(*) FROM gov_grain_state WHERE version = 3 AND payload LIKE '%round 3%'"));
        var store = (GroupCommitGrainStorage)cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StoreNames.Live);
        Assert.Equal(900L, store.Writes);
        // Writes that arrive together share a transaction: that is the point of the store.
        Assert.True(store.Transactions < 900 / 2, $"{store.Transactions} transactions carried 900 writes");
    }

    private static async Task<long> CountAsync(StorageTarget target, string sql) =>
        Convert.ToInt64(await Sql.ScalarAsync(target.Connection, sql), CultureInfo.InvariantCulture);

    private Task<StorageTarget> NewPreparedTargetAsync() => StorageCluster.PrepareAsync(NewTargetAsync);

    private static string NewServiceId() => StorageCluster.NewServiceId("live-tests");

    private static Task<InProcessTestCluster> StartClusterAsync(StorageTarget target, string serviceId) => StorageCluster.StartAsync(target, serviceId);
}
