using System.Text.Json;
using Governance.Grains.Projects;
using Governance.Grains.Storage;

namespace Governance.Grains.Tests;

/// <summary>A change answered only once stored is undone in memory when its write fails, so a retry finds it not made.</summary>
public sealed class WriteOrUndoTests
{
    [Fact]
    public async Task AFailedWrite_IsUndoneFromTheStore_AndTheErrorReachesTheCaller()
    {
        var state = new StoreDouble<ProjectLibraryState>(new ProjectLibraryState { Added = 1 });
        state.State.Added = 2;
        state.FailWrites = true;

        var error = await Assert.ThrowsAsync<IOException>(() => new GrainDouble().WriteOrUndoAsync(state));
        var afterUndo = state.State.Added;
        state.FailWrites = false;
        state.State.Added = 3;
        await new GrainDouble().WriteOrUndoAsync(state);

        Assert.Equal("database away", error.Message);
        Assert.Equal(1, afterUndo);
        Assert.Equal(3, state.Stored.Added);
    }

    /// <summary>A grain whose context is never needed: the undo path reads the store back and deactivates nothing.</summary>
    private sealed class GrainDouble : IGrainBase
    {
        public IGrainContext GrainContext => throw new InvalidOperationException("the undo should not deactivate the grain when the store can be read");
    }

    /// <summary>A store that keeps a copy of what was written, and fails writes when told to (a database away).</summary>
    private sealed class StoreDouble<T>(T stored) : IPersistentState<T>
        where T : class
    {
        public T Stored { get; private set; } = Copy(stored);

        public bool FailWrites { get; set; }

        public T State { get; set; } = Copy(stored);

        public string? Etag => null;

        public bool RecordExists => true;

        public Task ClearStateAsync() => throw new NotSupportedException();

        public Task ReadStateAsync()
        {
            State = Copy(Stored);
            return Task.CompletedTask;
        }

        public Task WriteStateAsync()
        {
            if (FailWrites)
            {
                return Task.FromException(new IOException("database away"));
            }

            Stored = Copy(State);
            return Task.CompletedTask;
        }

        private static T Copy(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value))!;
    }
}
