using Governance.Intake.Journal;
using Governance.Intake.Pipeline;

namespace Governance.Silo.Cluster;

/// <summary>
/// A standalone gateway's journal: an append counts only if the gateway held the journal's lease before and after it.
/// One that ends after the lease is refused, though stored: a silo may have replayed the journal meanwhile, and nothing
/// would feed what was appended after that replay to the cells. The pipeline then goes on after it (its senders retry).
/// </summary>
internal sealed class LeasedJournal(IIntakeJournal inner, JournalLeaseHold hold) : IIntakeJournal
{
    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        EnsureHeld();
        await inner.AppendAsync(entries, cancellationToken);
        EnsureHeld();
    }

    public Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long sequence, int max, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(sequence, max, cancellationToken);

    public Task<(long Checkpoint, long Last)> GetPositionAsync(CancellationToken cancellationToken = default) => inner.GetPositionAsync(cancellationToken);

    // A checkpoint only says the cells stored what they took, which stays true whoever holds the journal now.
    public Task CheckpointAsync(long sequence, CancellationToken cancellationToken = default) => inner.CheckpointAsync(sequence, cancellationToken);

    private void EnsureHeld()
    {
        if (!hold.IsHeld)
        {
            throw new IntakeUnavailableException(
                "This gateway's hold on its intake journal lapsed (it could not renew it in time); nothing was taken. Retry with the same external_id, here or through another gateway.");
        }
    }
}
