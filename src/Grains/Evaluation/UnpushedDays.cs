namespace Governance.Grains.Evaluation;

/// <summary>
/// The days a roll-up has yet to push up (the stored set), with when each last changed in this activation. Children's
/// pushes interleave with the roll-up's own push, so a day that changed while its push was on the way stays unpushed:
/// what went up was the earlier tally.
/// </summary>
internal sealed class UnpushedDays(HashSet<DateOnly> stored)
{
    private readonly Dictionary<DateOnly, long> _changedAt = [];
    private long _changes;

    public int Count => stored.Count;

    /// <summary>These days changed: they are to be pushed.</summary>
    public void Changed(IEnumerable<DateOnly> days)
    {
        _changes++;
        foreach (var day in days)
        {
            stored.Add(day);
            _changedAt[day] = _changes;
        }
    }

    /// <summary>The days to push now, in order, and the mark to hand back to <see cref="Pushed"/> once they are.</summary>
    public (DateOnly[] Days, long AsOf) Take() => ([.. stored.Order()], _changes);

    /// <summary>These days were pushed as they were at <paramref name="asOf"/>: those not changed since are done.</summary>
    public void Pushed(IEnumerable<DateOnly> days, long asOf)
    {
        foreach (var day in days)
        {
            if (_changedAt.GetValueOrDefault(day) <= asOf)
            {
                stored.Remove(day);
                _changedAt.Remove(day);
            }
        }
    }
}
