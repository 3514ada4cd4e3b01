namespace Governance.Contracts.Deadlines;

/// <summary>
/// A case's handling clock, started by its dispatch: due <see cref="Limit"/> after it, stopped while the case is
/// suspended (the time left is kept), moved by an approved postponement, and stopped for good when the case is handled.
/// Once due, the case escalates one level, and one more each further <see cref="Limit"/> it stays unhandled.
/// </summary>
/// <param name="Kind">Immediate, committed or coordinated.</param>
/// <param name="Limit">The handling time its category allows.</param>
/// <param name="DueAt">When it must be handled; null while the clock is stopped by a suspension.</param>
/// <param name="Remaining">While suspended: the time that was left (negative when it was already overdue).</param>
[GenerateSerializer, Immutable, Alias("CaseDeadline")]
public sealed record class CaseDeadline(
    [property: Id(0)] DeadlineKind Kind,
    [property: Id(1)] TimeSpan Limit,
    [property: Id(2)] DateTimeOffset? DueAt,
    [property: Id(3)] TimeSpan? Remaining)
{
    /// <summary>How many escalation levels it has reached since it was last due afresh.</summary>
    [Id(4)]
    public int Escalations { get; init; }

    /// <summary>When the department reported it handled: the clock's end.</summary>
    [Id(5)]
    public DateTimeOffset? HandledAt { get; init; }

    /// <summary>A clock started now for <paramref name="rule"/>.</summary>
    public static CaseDeadline Start(DeadlineRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.Kind, rule.Limit, now + rule.Limit, null);
    }

    /// <summary>True while it counts down: dispatched, not suspended, not yet handled.</summary>
    public bool IsRunning => DueAt is not null && HandledAt is null;

    /// <summary>Stops the clock for a suspension, keeping the time left.</summary>
    public CaseDeadline Pause(DateTimeOffset now) => DueAt is { } due && HandledAt is null ? this with { DueAt = null, Remaining = due - now } : this;

    /// <summary>Restarts the clock after a suspension with the time that was left.</summary>
    public CaseDeadline Resume(DateTimeOffset now) => Remaining is { } left ? this with { DueAt = now + left, Remaining = null } : this;

    /// <summary>A new due time, approved: escalation starts over from it.</summary>
    public CaseDeadline PostponeTo(DateTimeOffset due) => this with { DueAt = due, Remaining = null, Escalations = 0 };

    /// <summary>The due time an approved postponement gives when it names none: one more limit, from now if already past.</summary>
    public DateTimeOffset DefaultPostponement(DateTimeOffset now) => (DueAt is { } due && due > now ? due : now) + Limit;

    /// <summary>Runs the clock again towards the same due time: what was reported done was not.</summary>
    public CaseDeadline Reopen() => this with { HandledAt = null };

    /// <summary>Stops the clock for good: the case was handled.</summary>
    public CaseDeadline Stop(DateTimeOffset now) => IsRunning ? this with { HandledAt = now } : this;

    /// <summary>
    /// True when it is (or was, once handled) past due. A suspended case that was overdue when suspended stays so.
    /// </summary>
    public bool IsOverdue(DateTimeOffset now) => (DueAt, HandledAt, Remaining) switch
    {
        ({ } due, { } handled, _) => handled > due,
        ({ } due, null, _) => now > due,
        (null, _, { } left) => left < TimeSpan.Zero,
        _ => false,
    };

    /// <summary>How many escalation levels (at most <paramref name="levels"/>) it should have reached by <paramref name="now"/>.</summary>
    public int EscalationsDue(DateTimeOffset now, int levels)
    {
        if (!IsRunning || now < DueAt!.Value || levels <= 0)
        {
            return 0;
        }

        var periodsPast = Limit > TimeSpan.Zero ? (now - DueAt.Value).Ticks / Limit.Ticks : 0;
        return (int)Math.Min(levels, 1 + periodsPast);
    }

    /// <summary>When it next escalates, or null when the clock is stopped or every level is reached.</summary>
    public DateTimeOffset? NextEscalationAt(int levels) =>
        IsRunning && Escalations < levels ? DueAt!.Value + (Limit * Escalations) : null;
}
