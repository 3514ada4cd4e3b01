using Governance.Contracts.Cases;
using Governance.Contracts.Evaluation;
using Governance.Grains.Cases;

namespace Governance.Grains.Evaluation;

/// <summary>A case's facts for its evaluation, read from its history, deadline and ratings.</summary>
internal static class CaseFactsOf
{
    public static CaseFacts From(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var steps = state.History.Where(entry => entry.Action is not null).ToList();
        var closed = steps.FirstOrDefault(entry => entry.Action == CaseAction.Close)?.At;
        return new CaseFacts
        {
            Registered = steps.Any(entry => entry.Action == CaseAction.Register),
            Rejected = steps.Any(entry => entry.Action == CaseAction.Reject),
            FirstDispatchedAt = steps.FirstOrDefault(entry => entry.Action == CaseAction.Dispatch)?.At,
            Handled = steps.Any(entry => entry.Action == CaseAction.Handle),
            ClosedAt = closed,
            // Handled by the due time its clock last had; a case dispatched before deadlines existed has none and counts as on time.
            ClosedOnTime = closed is not null && !(state.Deadline?.IsOverdue(closed.Value) ?? false),
            Reworked = steps.Any(entry => entry.Action == CaseAction.Rework),
            Postponed = steps.Any(entry => entry.Action == CaseAction.Postpone),
            RatingSum = state.Ratings.Sum(rating => rating.Score),
            RatingCount = state.Ratings.Count,
        };
    }
}
