using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Governance.Contracts.Residents;

/// <summary>
/// The people index from any silo: searches of residents and households, due visits, the cells' grid workers, read
/// without asking each grain. A stateless worker. Key it 0.
/// </summary>
[Alias("IPeopleIndexGrain")]
public interface IPeopleIndexGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the residents the search asks for, by name then id.</summary>
    [Alias("SearchResidents"), ReadOnly]
    Task<ImmutableArray<ResidentListing>> SearchResidentsAsync(ResidentSearch search);

    /// <summary>One page of a cell's household ids, in order, after <paramref name="after"/>.</summary>
    [Alias("HouseholdsInCell"), ReadOnly]
    Task<ImmutableArray<string>> HouseholdsInCellAsync(string cellId, string after, int limit);

    /// <summary>One page of due visits, soonest due (most overdue) first.</summary>
    [Alias("ListDueVisits"), ReadOnly]
    Task<ImmutableArray<DueVisit>> ListDueVisitsAsync(DueVisitQuery query);

    /// <summary>Makes <paramref name="workerId"/> the cell's grid worker; empty leaves it without one.</summary>
    [Alias("AssignWorker")]
    Task AssignWorkerAsync(string cellId, string workerId);

    /// <summary>The cell's grid worker, or empty.</summary>
    [Alias("WorkerOf"), ReadOnly]
    Task<string> WorkerOfAsync(string cellId);
}
