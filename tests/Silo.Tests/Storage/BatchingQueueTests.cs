using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

/// <summary>
/// A store's loop that throws instead of answering its batch must not end: every later read or write of that store would
/// wait for ever while the process goes on.
/// </summary>
public sealed class BatchingQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AHandlerThatThrows_FailsItsBatchByName_AndTheNextBatchIsHandled()
    {
        var batches = 0;
        var queue = new BatchingQueue<QueuedNumber>("test: throws", 10, batch =>
        {
            if (Interlocked.Increment(ref batches) == 1)
            {
                throw new IOException("The connection was reset while resetting the connection.");
            }

            batch.ForEach(item => item.Done.TrySetResult(item.Value * 2));
            return Task.CompletedTask;
        });

        var first = new QueuedNumber(1);
        Assert.True(queue.TryAdd(first));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => first.Done.Task.WaitAsync(Patience));
        Assert.Contains("test: throws", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);

        var second = new QueuedNumber(21);
        Assert.True(queue.TryAdd(second));
        Assert.Equal(42, await second.Done.Task.WaitAsync(Patience));
        await queue.StopAsync();
    }
}

/// <summary>A number queued for a test handler, answered with what the handler makes of it.</summary>
internal sealed class QueuedNumber(int value) : IBatchItem
{
    public int Value { get; } = value;

    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception error) => Done.TrySetException(error);
}
