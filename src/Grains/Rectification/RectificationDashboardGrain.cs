using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.Rectification;
using Governance.Grains.CaseList;
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
    public async Task<RectificationDashboard> GetAsync(RectificationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await GrainFactory.ListAllAsync(new CaseListQuery
        {
            AreaPath = scope.AreaPath,
            AreaIsLowest = scope.AreaIsLowest,
            CellId = scope.CellId,
            Kind = CaseKind.Rectification,
            Category = scope.CategoryFilter,
            Sort = CaseListSort.OldestFirst,
        });
        var tasks = await GrainFactory.WithDetailsAsync(rows);

        // One moment for every flag, taken after the reads: nothing read can be newer than it.
        return RectificationBoard.Of(scope, tasks, time.GetUtcNow());
    }
}
