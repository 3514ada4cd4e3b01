using Governance.Contracts;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;

namespace Governance.Grains.CaseList;

/// <summary>
/// Every case a query lists, page by page, and then each one's details, a batch at a time: for the reports over a
/// bounded set of cases (an inspection's feedback list, a policy's complaints of a quarter), never for a whole city.
/// </summary>
public static class CaseListReading
{
    private const int PageSize = 200;
    private const int ReadsAtOnce = 32;

    /// <summary>Every case the query lists, oldest first unless it says otherwise.</summary>
    public static async Task<List<CaseListItem>> ListAllAsync(this IGrainFactory grains, CaseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<CaseListItem>();
        var list = grains.GetGrain<ICaseListGrain>(0);
        CaseListCursor? after = null;
        do
        {
            var page = await list.ListAsync(query with { PageSize = PageSize, After = after });
            rows.AddRange(page.Cases);
            after = page.Next;
        }
        while (after is not null);

        return rows;
    }

    /// <summary>Each row with its case's details; a row whose case cannot be read is left out rather than shown half known.</summary>
    public static async Task<List<(CaseListItem Row, CaseDetails Details)>> WithDetailsAsync(this IGrainFactory grains, IReadOnlyCollection<CaseListItem> rows)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(rows);
        var read = new List<(CaseListItem, CaseDetails)>(rows.Count);
        foreach (var batch in rows.Chunk(ReadsAtOnce))
        {
            var details = await Task.WhenAll(batch.Select(row => grains.Case(row.CaseId).GetAsync()));
            read.AddRange(batch.Zip(details).Where(pair => pair.Second is not null).Select(pair => (pair.First, pair.Second!)));
        }

        return read;
    }
}
