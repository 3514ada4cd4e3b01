using Governance.Intake.Journal;
using Governance.Intake.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Tests.Infrastructure;

/// <summary>An intake pipeline over the test cluster's grains that never checkpoints by itself: the test takes them.</summary>
internal static class TestIntake
{
    public static async Task<IntakePipeline> StartAsync(GrainClusterFixture fixture, IIntakeJournal journal)
    {
        var options = Options.Create(new IntakeOptions { CheckpointIntervalMilliseconds = 600_000 });
        var pipeline = new IntakePipeline(journal, fixture.Grains, options, TimeProvider.System, NullLogger<IntakePipeline>.Instance);
        await pipeline.StartAsync(CancellationToken.None);
        return pipeline;
    }
}

/// <summary>A journal that passes every call to the real one; a test overrides the calls it makes fail.</summary>
internal abstract class DelegatingJournal(IIntakeJournal inner) : IIntakeJournal
{
    public virtual Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(entries, cancellationToken);

    public virtual Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long sequence, int max, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(sequence, max, cancellationToken);

    public Task<(long Checkpoint, long Last)> GetPositionAsync(CancellationToken cancellationToken = default) => inner.GetPositionAsync(cancellationToken);

    public Task CheckpointAsync(long sequence, CancellationToken cancellationToken = default) => inner.CheckpointAsync(sequence, cancellationToken);
}
