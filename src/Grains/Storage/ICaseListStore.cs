using Governance.Contracts.CaseList;

namespace Governance.Grains.Storage;

/// <summary>The read model lists of cases are answered from: every case's row, as its cell keeps it.</summary>
public interface ICaseListStore
{
    /// <summary>One page of the cases <paramref name="query"/> asks for; "overdue" means past due at <paramref name="now"/>.</summary>
    Task<CaseListPage> ListAsync(CaseListQuery query, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Cases still open in the whole city, and of them those past due at <paramref name="now"/> (an operations gauge).</summary>
    Task<(long Open, long Overdue)> CountOpenAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many cases each cell has had whose category is <paramref name="categoryPrefix"/> or below it ("flood" counts
    /// flood and flood.*), opened before <paramref name="before"/>; cells with none are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountByCellAsync(string categoryPrefix, DateTimeOffset before, CancellationToken cancellationToken = default);
}
