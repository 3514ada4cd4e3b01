using System.Collections.Frozen;
using Governance.Contracts.Cases;

namespace Governance.Grains.Cases;

/// <summary>What a step does to the case's handling clock.</summary>
internal enum ClockEffect
{
    None,

    /// <summary>Starts it afresh, a whole limit ahead.</summary>
    Start,

    /// <summary>Stops it for good, recording whether the step came in time.</summary>
    Stop,

    /// <summary>Stops it, keeping the time left.</summary>
    Pause,

    /// <summary>Restarts it with the time that was left.</summary>
    Resume,

    /// <summary>Moves its due time, as approved.</summary>
    Postpone,

    /// <summary>Clears it: the case waits to be sent somewhere again.</summary>
    Clear,
}

/// <summary>What a step does to the case's place in a department's queue.</summary>
internal enum QueueEffect
{
    None,

    /// <summary>Puts it in, or updates its entry.</summary>
    Hold,

    /// <summary>Takes it out.</summary>
    Release,

    /// <summary>Out of the department it was with, into the one it goes to.</summary>
    Move,
}

/// <summary>Where a step sends the case.</summary>
internal enum Sending
{
    None,

    /// <summary>To the department its category is routed to, or another with a reason.</summary>
    Route,

    /// <summary>To the department of the dispute's new level of mediation.</summary>
    Mediation,
}

/// <summary>
/// What each step does beside moving the status (<see cref="CaseLifecycle"/>): to the clock, the queue, and where the
/// case goes. One table, so a step of a new kind of case says what it does here rather than in every place that acts.
/// </summary>
internal sealed record StepEffect(ClockEffect Clock, QueueEffect Queue, Sending Sends)
{
    private static readonly StepEffect Nothing = new(ClockEffect.None, QueueEffect.None, Sending.None);

    private static readonly FrozenDictionary<CaseAction, StepEffect> Effects = new Dictionary<CaseAction, StepEffect>
    {
        [CaseAction.Dispatch] = new(ClockEffect.Start, QueueEffect.Hold, Sending.Route),
        [CaseAction.Handle] = new(ClockEffect.Stop, QueueEffect.Release, Sending.None),
        [CaseAction.Rework] = new(ClockEffect.Start, QueueEffect.Hold, Sending.None),
        [CaseAction.Postpone] = new(ClockEffect.Postpone, QueueEffect.Hold, Sending.None),
        [CaseAction.Suspend] = new(ClockEffect.Pause, QueueEffect.Hold, Sending.None),
        [CaseAction.Resume] = new(ClockEffect.Resume, QueueEffect.Hold, Sending.None),
        [CaseAction.Return] = new(ClockEffect.Clear, QueueEffect.Release, Sending.None),
        [CaseAction.Accept] = new(ClockEffect.Start, QueueEffect.Hold, Sending.Route),
        [CaseAction.Reply] = new(ClockEffect.Stop, QueueEffect.Release, Sending.None),
        [CaseAction.RequestReview] = new(ClockEffect.Start, QueueEffect.Hold, Sending.None),
        [CaseAction.Mediate] = new(ClockEffect.Start, QueueEffect.Hold, Sending.Mediation),
        [CaseAction.Escalate] = new(ClockEffect.Start, QueueEffect.Move, Sending.Mediation),
        [CaseAction.Agree] = new(ClockEffect.Stop, QueueEffect.Release, Sending.None),
        [CaseAction.Refer] = new(ClockEffect.Stop, QueueEffect.Release, Sending.None),
    }.ToFrozenDictionary();

    /// <summary>What <paramref name="action"/> does; nothing beside its status for the steps the table leaves out.</summary>
    public static StepEffect Of(CaseAction action) => Effects.GetValueOrDefault(action, Nothing);

    /// <summary>True when the case has a new due time after the step: its audit entry records it.</summary>
    public bool SetsDueTime => Clock is ClockEffect.Start or ClockEffect.Postpone or ClockEffect.Resume;
}
