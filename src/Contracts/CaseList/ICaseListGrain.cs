using Orleans.Concurrency;

namespace Governance.Contracts.CaseList;

/// <summary>
/// Lists cases from the read model (every case's row in the store, kept by its cell), not by asking case grains. A
/// stateless worker: any silo answers, as many at once as are asked. Key it 0.
/// </summary>
[Alias("ICaseListGrain")]
public interface ICaseListGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the cases the query asks for, in its order.</summary>
    [Alias("List"), ReadOnly]
    Task<CaseListPage> ListAsync(CaseListQuery query);
}
