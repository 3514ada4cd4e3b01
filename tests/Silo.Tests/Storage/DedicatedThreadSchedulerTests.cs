using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

/// <summary>
/// The stores' write loops run on threads of their own, so that SQLite's blocking calls never hold a thread of the pool
/// that the reports' own work needs.
/// </summary>
public sealed class DedicatedThreadSchedulerTests
{
    [Fact]
    public async Task Work_RunsOnItsOwnThread_AndComesBackToItAfterAnAwait()
    {
        var thread = new DedicatedThreadScheduler("test: own");
        try
        {
            var seen = await thread.RunAsync(async () =>
            {
                var before = (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread);
                await Task.Delay(10);
                return (Before: before, After: (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            });

            Assert.Equal(("test: own", false), seen.Before);
            Assert.Equal(("test: own", false), seen.After);
        }
        finally
        {
            thread.Complete();
        }
    }

    [Fact]
    public async Task ABatchingQueue_HandlesItsBatches_OnItsNamedThread_NotThePool()
    {
        var handled = new TaskCompletionSource<(string? Name, bool Pool, int[] Batch)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new BatchingQueue<QueuedNumber>("test: batches", 10, batch =>
        {
            handled.TrySetResult((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, [.. batch.Select(item => item.Value)]));
            return Task.CompletedTask;
        });

        Assert.True(queue.TryAdd(new QueuedNumber(7)));
        var (name, pool, batch) = await handled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await queue.StopAsync();

        Assert.Equal("test: batches", name);
        Assert.False(pool);
        Assert.Equal([7], batch);
        Assert.False(queue.TryAdd(new QueuedNumber(8)));
    }
}
