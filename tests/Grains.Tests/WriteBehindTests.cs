using Governance.Grains.Storage;

namespace Governance.Grains.Tests;

/// <summary>
/// The write-behind bookkeeping on its own: shared writes, synchronous stores, failures. Each test runs its steps one
/// at a time on an exclusive scheduler, as a grain's turns run.
/// </summary>
public sealed class WriteBehindTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static Task OneAtATime(Func<Task> steps) =>
        Task.Factory.StartNew(steps, CancellationToken.None, TaskCreationOptions.None, new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler)
            .Unwrap().WaitAsync(Patience);

    [Fact]
    public Task StoreThatAnswersAtOnce_EveryFlushReturns() => OneAtATime(async () =>
    {
        var writes = 0;
        var store = new WriteBehind(() =>
        {
            writes++;
            return Task.CompletedTask;
        });

        for (var round = 1; round <= 3; round++)
        {
            store.Changed();
            await store.FlushAsync();
            Assert.Equal((round, false), (writes, store.IsDirty));
        }
    });

    [Fact]
    public Task FlushesWhileAWriteIsInFlight_ShareTheNextWrite() => OneAtATime(async () =>
    {
        var writes = 0;
        var release = new TaskCompletionSource();
        var store = new WriteBehind(async () =>
        {
            writes++;
            await release.Task;
        });
        store.Changed();
        var first = store.FlushAsync();
        await Task.Delay(50);
        store.Changed();

        var later = Enumerable.Range(0, 5).Select(_ => store.FlushAsync()).ToList();
        release.SetResult();
        await Task.WhenAll(later.Append(first));

        // One write carried the first change; one more carried the change made while it was in flight.
        Assert.Equal((2, false), (writes, store.IsDirty));
    });

    [Fact]
    public Task FailedWrite_StaysDirty_AndTheNextFlushWritesAgain() => OneAtATime(async () =>
    {
        var fail = true;
        var store = new WriteBehind(() => fail ? Task.FromException(new IOException("database away")) : Task.CompletedTask);
        store.Changed();

        await Assert.ThrowsAsync<IOException>(store.FlushAsync);
        Assert.True(store.IsDirty);
        fail = false;
        await store.FlushAsync();

        Assert.False(store.IsDirty);
    });
}
