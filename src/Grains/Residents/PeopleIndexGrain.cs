using System.Collections.Immutable;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;
using Orleans.Concurrency;

namespace Governance.Grains.Residents;

/// <summary>The people index (<see cref="IPeopleIndex"/>), on whichever silo is asked.</summary>
[StatelessWorker]
public sealed class PeopleIndexGrain(IPeopleIndex index) : Grain, IPeopleIndexGrain
{
    public async Task<ImmutableArray<ResidentListing>> SearchResidentsAsync(ResidentSearch search) => [.. await index.SearchResidentsAsync(search)];

    public async Task<ImmutableArray<string>> HouseholdsInCellAsync(string cellId, string after, int limit) =>
        [.. await index.HouseholdsInCellAsync(cellId, after, limit)];

    public async Task<ImmutableArray<DueVisit>> ListDueVisitsAsync(DueVisitQuery query) => [.. await index.ListDueVisitsAsync(query)];

    public Task AssignWorkerAsync(string cellId, string workerId) => index.AssignWorkerAsync(cellId, workerId);

    public Task<string> WorkerOfAsync(string cellId) => index.WorkerOfAsync(cellId);
}
