namespace Governance.Intake.Journal;

/// <summary>
/// The durable intake journal: a report is acknowledged only after it is appended here. Entries up to the
/// checkpoint have their effects stored in grain state and may be dropped; entries after it are replayed at start.
/// </summary>
public interface IIntakeJournal
{
    /// <summary>Appends the entries in one transaction (group commit): all are durable when this returns.</summary>
    Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Entries after <paramref name="sequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long sequence, int max, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint (0 when none) and the highest sequence in the journal (the checkpoint when empty).</summary>
    Task<(long Checkpoint, long Last)> GetPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that every entry up to <paramref name="sequence"/> is reflected in grain state, and drops them.</summary>
    Task CheckpointAsync(long sequence, CancellationToken cancellationToken = default);
}
