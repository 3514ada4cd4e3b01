using Governance.Contracts.Cases;
using Governance.Grains.Routing;

namespace Governance.Grains.Cases;

/// <summary>What a step writes in a case's audit trail, and where a dispatch sends the case.</summary>
internal static class CaseSteps
{
    /// <summary>The audit entry's words: the step, when the case is due after it, and the reason when one was given.</summary>
    public static string Describe(CaseTransition transition, string due, string? step = null)
    {
        step ??= transition.Action switch
        {
            CaseAction.Register => "Registered.",
            CaseAction.Reject => "Not registered.",
            CaseAction.Handle => "Handled.",
            CaseAction.Verify => "Verified on site.",
            CaseAction.Rework => "Sent back for rework.",
            CaseAction.Close => "Closed.",
            CaseAction.Evaluate => "Evaluated.",
            CaseAction.Postpone => "Postponed.",
            CaseAction.Suspend => "Suspended.",
            CaseAction.Resume => "Resumed.",
            CaseAction.Return => "Returned to be dispatched again.",
            CaseAction.Decline => "Not accepted for handling.",
            CaseAction.Reply => "Replied.",
            CaseAction.Acknowledge => "The petitioner accepted the reply.",
            CaseAction.RequestReview => "The petitioner asked for a review.",
            CaseAction.Conclude => "Concluded by the office.",
            CaseAction.Agree => "Agreement recorded.",
            CaseAction.Refer => "Referred.",
            CaseAction.Approve => "Approved.",
            CaseAction.Deny => "Refused.",
            _ => $"{CaseLifecycle.Name(transition.Action)}.",
        };
        step += due;
        return string.IsNullOrWhiteSpace(transition.Reason) ? step : $"{step} {transition.Reason.Trim()}";
    }

    /// <summary>
    /// Where a dispatch (or a petition's acceptance) sends a case of <paramref name="category"/>: the department the category is routed to, or the
    /// one the dispatcher names, which must exist, and which needs a reason when it is not the routed one (an override
    /// the audit trail shows). Answers the department and the audit note, or the field that is wrong.
    /// </summary>
    public static (string? Department, string? Note, (string Field, string Reason)? Invalid) Dispatch(
        RoutingRules routing, string category, CaseTransition transition, string due)
    {
        var routed = routing.Route(category);
        var named = transition.Department.Trim();
        var sent = transition.Action switch
        {
            CaseAction.Accept => "Accepted for handling by",
            CaseAction.Assign => $"Assigned, {transition.Responsible.Trim()} responsible, to",
            _ => "Dispatched to",
        };
        if (named.Length == 0 || named == routed)
        {
            return (routed, Describe(transition, due, $"{sent} {routed}."), null);
        }

        if (!routing.Departments.ContainsKey(named))
        {
            return (null, null, ("department", $"'{named}' is not a department; known: {string.Join(", ", routing.Departments.Keys.Order(StringComparer.Ordinal))}"));
        }

        if (string.IsNullOrWhiteSpace(transition.Reason))
        {
            return (null, null, ("reason", $"sending the case to {named} instead of {routed}, where category {category} is routed, needs a reason"));
        }

        return (named, Describe(transition, due, $"{sent} {named} instead of {routed}, where its category is routed."), null);
    }
}
