using System.Collections.Immutable;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;
using Orleans.Concurrency;

namespace Governance.Grains.Residents;

/// <summary>Answers searches of residents and households from the people index, on whichever silo is asked.</summary>
[StatelessWorker]
public sealed class PeopleSearchGrain(IPeopleIndex index) : Grain, IPeopleSearchGrain
{
    public async Task<ImmutableArray<ResidentListing>> SearchResidentsAsync(ResidentSearch search) => [.. await index.SearchResidentsAsync(search)];

    public async Task<ImmutableArray<string>> HouseholdsInCellAsync(string cellId, string after, int limit) =>
        [.. await index.HouseholdsInCellAsync(cellId, after, limit)];
}
