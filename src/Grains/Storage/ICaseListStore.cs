using Governance.Contracts.CaseList;

namespace Governance.Grains.Storage;

/// <summary>The read model lists of cases are answered from: every case's row, as its cell keeps it.</summary>
public interface ICaseListStore
{
    /// <summary>One page of the cases <paramref name="query"/> asks for; "overdue" means past due at <paramref name="now"/>.</summary>
    Task<CaseListPage> ListAsync(CaseListQuery query, DateTimeOffset now, CancellationToken cancellationToken = default);
}
