using System.Threading.Channels;

namespace Governance.Silo.Storage;

/// <summary>
/// Items that many callers queue, handed to one loop in batches: each batch is whatever queued while the one before
/// it ran, up to a maximum. This is how the stores commit many callers' writes in one transaction. The handler answers
/// the items itself, failures included; should it throw all the same, the queue fails the batch's items and goes on, so
/// that no later caller waits for ever on a loop that has ended. The loop runs on a thread of its own (<see cref="DedicatedThreadScheduler"/>), named
/// for the queue: its blocking database calls never take a thread from the pool.
/// </summary>
internal sealed class BatchingQueue<T>
    where T : IBatchItem
{
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DedicatedThreadScheduler _thread;
    private readonly Task _loop;

    /// <param name="name">The loop's thread's name (at most 15 characters show in the operating system's tools).</param>
    /// <param name="maxBatch">The most items one batch takes.</param>
    /// <param name="handleBatch">Handles a batch and answers its items.</param>
    /// <param name="gather">Awaited once items are waiting, before they are taken: lets more gather into the batch.</param>
    public BatchingQueue(string name, int maxBatch, Func<List<T>, Task> handleBatch, Func<Task>? gather = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _thread = new DedicatedThreadScheduler(name);
        _loop = _thread.RunAsync(async () =>
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync())
            {
                if (gather is not null)
                {
                    await GatherAsync(gather);
                }

                var batch = new List<T>();
                while (batch.Count < maxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                try
                {
                    await handleBatch(batch);
                }
                catch (Exception ex)
                {
                    var failure = new InvalidOperationException($"The store loop '{name}' failed on a batch of {batch.Count}; none of it is known to be done.", ex);
                    foreach (var item in batch)
                    {
                        item.Fail(failure);
                    }
                }
            }
        });
    }

    // A wait for more items that fails only makes the batch smaller.
    private static async Task GatherAsync(Func<Task> gather)
    {
        try
        {
            await gather();
        }
        catch (Exception)
        {
        }
    }

    /// <summary>False once stopping: the item will not be handled.</summary>
    public bool TryAdd(T item) => _queue.Writer.TryWrite(item);

    /// <summary>Takes no more items and waits for those queued to be handled.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop;
        }
        finally
        {
            _thread.Complete();
        }
    }
}
