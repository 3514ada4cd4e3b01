using Governance.Contracts;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.Rectification;
using Governance.Grains.Clock;
using Orleans.Concurrency;

namespace Governance.Grains.Rectification;

/// <summary>
/// Pages an inspection's tasks out of the case list (the read model: kind rectification, its category prefix, the area)
/// and reads each task's case for what the list lacks (responsible person, clock, progress reports). A feedback list is
/// tens to hundreds of items, so the cases are read a batch at a time rather than all at once.
/// </summary>
[StatelessWorker]
public sealed class RectificationDashboardGrain(CityClock time) : Grain, IRectificationDashboardGrain
{
    private const int PageSize = 200;
    private const int ReadsAtOnce = 32;

    public async Task<RectificationDashboard> GetAsync(RectificationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = new List<CaseListItem>();
        var list = GrainFactory.GetGrain<ICaseListGrain>(0);
        CaseListCursor? after = null;
        do
        {
            var page = await list.ListAsync(new CaseListQuery
            {
                AreaPath = scope.AreaPath,
                AreaIsLowest = scope.AreaIsLowest,
                CellId = scope.CellId,
                Kind = CaseKind.Rectification,
                Category = scope.CategoryFilter,
                Sort = CaseListSort.OldestFirst,
                PageSize = PageSize,
                After = after,
            });
            rows.AddRange(page.Cases);
            after = page.Next;
        }
        while (after is not null);

        var tasks = new List<(CaseListItem, CaseDetails)>(rows.Count);
        foreach (var batch in rows.Chunk(ReadsAtOnce))
        {
            var read = await Task.WhenAll(batch.Select(row => GrainFactory.Case(row.CaseId).GetAsync()));
            // A row whose case cannot be read (none there) is left out rather than shown half known.
            tasks.AddRange(batch.Zip(read).Where(pair => pair.Second is not null).Select(pair => (pair.First, pair.Second!)));
        }

        // One moment for every flag, taken after the reads: nothing read can be newer than it.
        return RectificationBoard.Of(scope, tasks, time.GetUtcNow());
    }
}
