using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Governance.Contracts.Residents;

/// <summary>
/// Searches residents and households in the people index, not by asking their grains. A stateless worker: any silo
/// answers. Key it 0.
/// </summary>
[Alias("IPeopleSearchGrain")]
public interface IPeopleSearchGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the residents the search asks for, by name then id.</summary>
    [Alias("SearchResidents"), ReadOnly]
    Task<ImmutableArray<ResidentListing>> SearchResidentsAsync(ResidentSearch search);

    /// <summary>One page of a cell's household ids, in order, after <paramref name="after"/>.</summary>
    [Alias("HouseholdsInCell"), ReadOnly]
    Task<ImmutableArray<string>> HouseholdsInCellAsync(string cellId, string after, int limit);
}
