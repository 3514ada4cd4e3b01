using Governance.Contracts.Cases;
using Governance.Contracts.Deadlines;
using Governance.Contracts.Rectification;
using Governance.Contracts.Welfare;

namespace Governance.Grains.Cases;

/// <summary>
/// What a step of a kind with rules beyond its status comes to (a welfare application's documents and parallel checks,
/// a rectification task's responsible person): the status after it, which may differ from the lifecycle table's (an
/// approval that is not the last), its clock, where it sends the case, the words of its audit entry, and the kind's
/// file after it.
/// </summary>
/// <param name="Next">The status after the step.</param>
/// <param name="Clock">What it does to the clock.</param>
/// <param name="Rule">The time a clock it starts runs for; null for the category's.</param>
/// <param name="Department">The department the case goes to; null when it stays where it is.</param>
/// <param name="Step">The audit entry's words before the due time and the reason; null for the step's usual words.</param>
internal sealed record KindStep(CaseStatusKind Next, ClockEffect Clock, DeadlineRule? Rule, string? Department, string? Step)
{
    /// <summary>True when the department comes from the category's route (or one the actor names, with a reason).</summary>
    public bool Routes { get; init; }

    public WelfareFile? Welfare { get; init; }

    public RectificationFile? Rectification { get; init; }
}

/// <summary>A step refused for what the kind's rules say: not allowed now (naming why), or a field that is wrong.</summary>
internal sealed record StepRefusal(CaseChangeOutcome Kind, string Field, string Reason)
{
    public static StepRefusal NotAllowed(string reason) => new(CaseChangeOutcome.NotAllowed, "", reason);

    public static StepRefusal Invalid(string field, string reason) => new(CaseChangeOutcome.Invalid, field, reason);
}
