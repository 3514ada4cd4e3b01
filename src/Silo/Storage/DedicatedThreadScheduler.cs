using System.Collections.Concurrent;

namespace Governance.Silo.Storage;

/// <summary>
/// Runs tasks on one thread of its own. SQLite's "async" calls complete synchronously, so a store's write loop holds
/// whatever thread runs it for the whole transaction (tens of milliseconds for a link commit, as long again for each step
/// of a journal trim). On the thread pool of a two-core machine, a few such writers at once left no thread for the
/// reports' own work: acks stalled for 100–200 ms at each checkpoint (docs/benchmarks.md). Awaits in code this runs come
/// back to the same thread, unless they say otherwise.
/// </summary>
internal sealed class DedicatedThreadScheduler : TaskScheduler
{
    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread _thread;

    public DedicatedThreadScheduler(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on this scheduler's thread; its awaits come back to it.</summary>
    public Task RunAsync(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    /// <inheritdoc cref="RunAsync(Func{Task})"/>
    public Task<T> RunAsync<T>(Func<Task<T>> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Lets the thread end once the tasks queued so far have run.</summary>
    public void Complete() => _tasks.CompleteAdding();

    protected override void QueueTask(Task task)
    {
        try
        {
            _tasks.Add(task);
        }
        catch (InvalidOperationException)
        {
            // Completed: a late continuation still runs, on the pool.
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    private void Run()
    {
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
