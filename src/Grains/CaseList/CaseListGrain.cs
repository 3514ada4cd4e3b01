using Governance.Contracts.CaseList;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Orleans.Concurrency;

namespace Governance.Grains.CaseList;

/// <summary>Answers lists of cases from the read model (<see cref="ICaseListStore"/>), on whichever silo is asked.</summary>
[StatelessWorker]
public sealed class CaseListGrain(ICaseListStore store, CityClock time) : Grain, ICaseListGrain
{
    public Task<CaseListPage> ListAsync(CaseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return store.ListAsync(query, time.GetUtcNow());
    }
}
