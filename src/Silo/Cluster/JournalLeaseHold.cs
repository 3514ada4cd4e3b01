namespace Governance.Silo.Cluster;

/// <summary>
/// Whether this gateway may still acknowledge reports from its journal: until three quarters of a lease after the
/// start of its last renewal, by the local monotonic clock. The database's lease runs from the renewal's commit, later
/// than its start, so this ends first; the quarter left covers an append begun just before it ends.
/// </summary>
internal sealed class JournalLeaseHold(TimeProvider time, TimeSpan lease)
{
    private long _validUntil = long.MinValue;
    private volatile bool _lost;

    public bool IsHeld => !_lost && time.GetTimestamp() < Interlocked.Read(ref _validUntil);

    /// <summary>A claim or renewal begun at <paramref name="startedAt"/> (a <see cref="TimeProvider.GetTimestamp"/>) succeeded.</summary>
    public void Renewed(long startedAt) =>
        Interlocked.Exchange(ref _validUntil, startedAt + (long)(lease.TotalSeconds * 0.75 * time.TimestampFrequency));

    /// <summary>Another process holds the journal now; this one never will again.</summary>
    public void Lose() => _lost = true;

    public bool Lost => _lost;
}
