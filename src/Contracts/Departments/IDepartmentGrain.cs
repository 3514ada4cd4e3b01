using System.Collections.Immutable;

namespace Governance.Contracts.Departments;

/// <summary>
/// One department (routing rules list them), keyed <c>dept:&lt;code&gt;</c>: the queue of cases dispatched to it and
/// not yet handled or returned. Its cases keep it current as they move; each change is stored before it returns.
/// </summary>
[Alias("IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Puts the case in the queue, or updates its entry (a postponement, a suspension, a rework).</summary>
    [Alias("Hold")]
    Task HoldAsync(QueuedCaseInfo entry);

    /// <summary>Takes the case out of the queue (handled, or returned to be dispatched again); nothing if it is not there.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string caseId);

    /// <summary>The queue, soonest due (most overdue) first, suspended cases last; null for a code the routing rules do not list.</summary>
    [Alias("GetQueue")]
    Task<ImmutableArray<QueuedCaseInfo>?> GetQueueAsync();
}
