using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.Departments;
using Governance.Grains.Clock;
using Governance.Grains.Routing;
using Governance.Grains.Storage;

namespace Governance.Grains.Departments;

/// <summary>
/// A department's queue of cases. Written through, not behind: the steps that change it are not in the intake journal,
/// so what a dispatcher was told must already be stored.
/// </summary>
public sealed class DepartmentGrain(
    [PersistentState("department", StoreNames.Live)] IPersistentState<DepartmentState> state,
    RoutingRules routing,
    CityClock time) : Grain, IDepartmentGrain
{
    private string Code => GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.DepartmentPrefix);

    public async Task HoldAsync(QueuedCaseInfo entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        state.State.Queue[entry.CaseId] = entry;
        await this.WriteOrForgetAsync(state, DelayDeactivation);
    }

    public async Task ReleaseAsync(string caseId)
    {
        if (state.State.Queue.Remove(caseId))
        {
            await this.WriteOrForgetAsync(state, DelayDeactivation);
        }
    }

    public Task<ImmutableArray<QueuedCaseInfo>?> GetQueueAsync()
    {
        if (!routing.Departments.ContainsKey(Code))
        {
            return Task.FromResult<ImmutableArray<QueuedCaseInfo>?>(null);
        }

        // Soonest due first, so the most overdue lead; suspended cases, their clocks stopped, after them.
        var now = time.GetUtcNow();
        ImmutableArray<QueuedCaseInfo> queue =
        [
            .. state.State.Queue.Values
                .OrderBy(entry => entry.Deadline?.DueAt ?? DateTimeOffset.MaxValue)
                .ThenBy(entry => entry.DispatchedAt)
                .ThenBy(entry => entry.CaseId, StringComparer.Ordinal)
                .Select(entry => entry with { Overdue = entry.Deadline?.IsOverdue(now) ?? false }),
        ];
        return Task.FromResult<ImmutableArray<QueuedCaseInfo>?>(queue);
    }
}

/// <summary>What a department grain stores (as JSON, under the state name "department").</summary>
public sealed class DepartmentState
{
    /// <summary>The cases in the queue, by case id.</summary>
    public Dictionary<string, QueuedCaseInfo> Queue { get; set; } = new(StringComparer.Ordinal);
}
