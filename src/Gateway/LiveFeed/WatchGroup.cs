using System.Collections.Immutable;
using Governance.Contracts.V1;

namespace Governance.Gateway.LiveFeed;

/// <summary>
/// The watches of one set of cells (an area, the whole city, or the same named cells). A change marks the group once,
/// however many watch it; each tick makes one message of the cells that changed, and every member sends that same
/// message. A member still writing when ticks pass catches up at its next send with every cell changed since its last,
/// so a slow reader skips to the latest state and holds nothing but the number of the last tick it sent.
/// </summary>
internal sealed class WatchGroup(string key, IReadOnlyCollection<string> cells)
{
    private readonly Lock _gate = new();

    // The tick that last carried each cell: what a member that missed ticks must still be sent.
    private readonly Dictionary<string, long> _carriedAt = new(StringComparer.Ordinal);
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private ImmutableArray<CellWatcher> _members = [];
    private long _tick;
    private CellWatchEvent? _latest;

    public string Key => key;

    public IReadOnlyCollection<string> Cells => cells;

    /// <summary>One of the group's cells changed; it goes out at the next tick.</summary>
    public void Changed(string cellId)
    {
        lock (_gate)
        {
            _pending.Add(cellId);
        }
    }

    /// <summary>Makes the message of the cells changed since the last tick, if any, and wakes every member to send it.</summary>
    public void Tick(CellWatchHub hub)
    {
        HashSet<string> changed;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            (changed, _pending) = (_pending, new HashSet<string>(StringComparer.Ordinal));
        }

        // Built outside the lock: changes keep arriving meanwhile, for the next tick.
        var message = hub.Message(snapshot: false, changed);
        ImmutableArray<CellWatcher> members;
        lock (_gate)
        {
            _tick++;
            foreach (var cell in changed)
            {
                _carriedAt[cell] = _tick;
            }

            _latest = message;
            members = _members;
        }

        foreach (var member in members)
        {
            member.Ticked();
        }
    }

    /// <summary>
    /// What a member that has sent up to tick <paramref name="sent"/> sends now: the group's latest message when it missed
    /// none, a message of every cell changed since when it missed some, null when there is nothing new.
    /// </summary>
    public CellWatchEvent? NextFor(ref long sent, CellWatchHub hub)
    {
        List<string> missed;
        lock (_gate)
        {
            if (sent >= _tick)
            {
                return null;
            }

            if (sent == _tick - 1)
            {
                sent = _tick;
                return _latest;
            }

            var since = sent;
            missed = [.. _carriedAt.Where(p => p.Value > since).Select(p => p.Key)];
            sent = _tick;
        }

        return hub.Message(snapshot: false, missed);
    }

    /// <summary>Adds a member; returns the tick it starts after (its snapshot covers what came before).</summary>
    public long Join(CellWatcher member)
    {
        lock (_gate)
        {
            _members = _members.Add(member);
            return _tick;
        }
    }

    /// <summary>Removes a member; true when none is left.</summary>
    public bool Leave(CellWatcher member)
    {
        lock (_gate)
        {
            _members = _members.Remove(member);
            return _members.IsEmpty;
        }
    }
}
