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

    /// <summary>Runs it again towards the due time it had: what was reported done was not.</summary>
    Reopen,
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
/// What each step does beside moving the status (<see cref="CaseLifecycle"/>): to the clock, and where the case goes.
/// One table, so a step of a new kind of case says what it does here rather than in every place that acts. (Which
/// queues hold the case follows from where it stands after the step: <see cref="CaseHolders"/>. Steps of kinds whose
/// effect depends on more than the step, such as a welfare application's approvals, are <see cref="KindStep"/>s.)
/// </summary>
internal sealed record StepEffect(ClockEffect Clock, Sending Sends)
{
    private static readonly StepEffect Nothing = new(ClockEffect.None, Sending.None);

    private static readonly FrozenDictionary<CaseAction, StepEffect> Effects = new Dictionary<CaseAction, StepEffect>
    {
        [CaseAction.Dispatch] = new(ClockEffect.Start, Sending.Route),
        [CaseAction.Handle] = new(ClockEffect.Stop, Sending.None),
        [CaseAction.Rework] = new(ClockEffect.Start, Sending.None),
        [CaseAction.Postpone] = new(ClockEffect.Postpone, Sending.None),
        [CaseAction.Suspend] = new(ClockEffect.Pause, Sending.None),
        [CaseAction.Resume] = new(ClockEffect.Resume, Sending.None),
        [CaseAction.Return] = new(ClockEffect.Clear, Sending.None),
        [CaseAction.Accept] = new(ClockEffect.Start, Sending.Route),
        [CaseAction.Reply] = new(ClockEffect.Stop, Sending.None),
        [CaseAction.RequestReview] = new(ClockEffect.Start, Sending.None),
        [CaseAction.Mediate] = new(ClockEffect.Start, Sending.Mediation),
        [CaseAction.Escalate] = new(ClockEffect.Start, Sending.Mediation),
        [CaseAction.Agree] = new(ClockEffect.Stop, Sending.None),
        [CaseAction.Refer] = new(ClockEffect.Stop, Sending.None),
    }.ToFrozenDictionary();

    /// <summary>What <paramref name="action"/> does; nothing beside its status for the steps the table leaves out.</summary>
    public static StepEffect Of(CaseAction action) => Effects.GetValueOrDefault(action, Nothing);

    /// <summary>True when the case has a new due time after the step: its audit entry records it.</summary>
    public bool SetsDueTime => Clock is ClockEffect.Start or ClockEffect.Postpone or ClockEffect.Resume or ClockEffect.Reopen;
}
