using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Grains.Storage;
using Governance.Silo.Storage.CaseList;
using Governance.Silo.Storage.OpenCases;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Silo.Tests.Storage;

/// <summary>
/// Lists of cases on every provider, checked against the same rows filtered and sorted in memory: each filter, each
/// order, and pages that follow on from each other without a gap or an overlap.
/// </summary>
public abstract class CaseListStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddDays(10);

    // Cells by area: two districts, the first with two streets.
    private static readonly Dictionary<string, string> AreaOfCell = new()
    {
        ["cell-a1"] = "/east/harbour/dock/",
        ["cell-a2"] = "/east/harbour/quay/",
        ["cell-b1"] = "/east/hill/top/",
        ["cell-c1"] = "/west/field/green/",
    };

    protected abstract Task<StorageTarget> NewTargetAsync();

    public static TheoryData<string> Queries() => [.. NamedQueries.Keys];

    private static readonly Dictionary<string, CaseListQuery> NamedQueries = new()
    {
        ["everything"] = new(),
        ["district"] = new() { AreaPath = "/east/" },
        ["street"] = new() { AreaPath = "/east/harbour/" },
        ["community"] = new() { AreaPath = "/east/harbour/quay/", AreaIsLowest = true },
        ["cell"] = new() { CellId = "cell-b1" },
        ["statuses"] = new() { Statuses = [CaseStatusKind.Dispatched, CaseStatusKind.Closed] },
        ["category"] = new() { Category = "water.leak" },
        ["category prefix"] = new() { Category = "water.*" },
        ["department"] = new() { Department = "roads" },
        ["overdue"] = new() { OverdueOnly = true },
        ["opened between"] = new() { OpenedFrom = Start.AddHours(10), OpenedBefore = Start.AddHours(30) },
        ["incidents"] = new() { Kind = CaseKind.Incident },
        ["petitions, oldest"] = new() { Kind = CaseKind.Petition, Sort = CaseListSort.OldestFirst },
        ["street, dispatched, oldest first"] = new() { AreaPath = "/east/harbour/", Statuses = [CaseStatusKind.Dispatched], Sort = CaseListSort.OldestFirst },
        ["soonest due"] = new() { Sort = CaseListSort.SoonestDue },
        ["overdue roads, soonest due"] = new() { Department = "roads", OverdueOnly = true, Sort = CaseListSort.SoonestDue },
    };

    [SkippableTheory]
    [MemberData(nameof(Queries))]
    public async Task EachFilterAndOrder_ListsWhatTheRowsSay_PageAfterPage(string name)
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        var serviceId = StorageCluster.NewServiceId("list");
        var rows = Rows();
        await using (var cases = new SqlOpenCaseStore(target.Connection, serviceId, cell => AreaOfCell[cell], NullLogger<SqlOpenCaseStore>.Instance))
        {
            await cases.SaveAsync(rows);
        }

        var store = new SqlCaseListStore(target.Connection, serviceId);
        var query = NamedQueries[name] with { PageSize = 4 };

        var listed = new List<CaseListItem>();
        var page = await store.ListAsync(query, Now);
        listed.AddRange(page.Cases);
        while (page.Next is { } next)
        {
            Assert.Equal(4, page.Cases.Length);
            page = await store.ListAsync(query with { After = next }, Now);
            listed.AddRange(page.Cases);
        }

        var expected = Expected(rows, query);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(r => r.CaseId), listed.Select(item => item.CaseId));
        var first = listed[0];
        var row = rows.Single(r => r.CaseId == first.CaseId);
        Assert.Equal(
            (row.CellId, row.Header.Category, row.Header.Status, row.Header.OpenedAt, row.Header.Headline, row.Department, row.DueAt, row.DueAt < Now),
            (first.CellId, first.Category, first.Status, first.OpenedAt, first.Headline, first.Department, first.DueAt, first.Overdue));
    }

    [SkippableFact]
    public async Task AnotherServicesCases_AreNotListed()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        var serviceId = StorageCluster.NewServiceId("list");
        await using (var cases = new SqlOpenCaseStore(target.Connection, serviceId, cell => AreaOfCell[cell], NullLogger<SqlOpenCaseStore>.Instance))
        {
            await cases.SaveAsync(Rows());
        }

        var page = await new SqlCaseListStore(target.Connection, StorageCluster.NewServiceId("other")).ListAsync(new CaseListQuery(), Now);

        Assert.Empty(page.Cases);
        Assert.Null(page.Next);
    }

    [SkippableFact]
    public async Task RowsSavedWithoutAnArea_GetTheirCellsAreaAtStart()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        var serviceId = StorageCluster.NewServiceId("list");
        var rows = Rows();
        // As an earlier version saved them: the map says nothing of their area yet.
        await using (var before = new SqlOpenCaseStore(target.Connection, serviceId, _ => null, NullLogger<SqlOpenCaseStore>.Instance))
        {
            await before.SaveAsync(rows);
        }

        await using var after = new SqlOpenCaseStore(target.Connection, serviceId, cell => AreaOfCell[cell], NullLogger<SqlOpenCaseStore>.Instance);
        var store = new SqlCaseListStore(target.Connection, serviceId);
        var unfilled = await store.ListAsync(new CaseListQuery { AreaPath = "/east/", PageSize = 200 }, Now);
        var cells = await after.FillAreaPathsAsync(CancellationToken.None);
        var filled = await store.ListAsync(new CaseListQuery { AreaPath = "/east/", PageSize = 200 }, Now);

        Assert.Empty(unfilled.Cases);
        Assert.Equal(AreaOfCell.Count, cells);
        Assert.Equal(Expected(rows, new CaseListQuery { AreaPath = "/east/" }).Select(r => r.CaseId), filled.Cases.Select(c => c.CaseId));
        Assert.Equal(0, await after.FillAreaPathsAsync(CancellationToken.None));
    }

    // The same filters and order over the rows in memory: what the store must answer.
    private static List<OpenCaseRow> Expected(IEnumerable<OpenCaseRow> rows, CaseListQuery query)
    {
        var matching = rows.Where(r =>
            (query.AreaPath is null || AreaOfCell[r.CellId].StartsWith(query.AreaPath, StringComparison.Ordinal))
            && (query.CellId is null || r.CellId == query.CellId)
            && (query.Statuses.IsDefaultOrEmpty || query.Statuses.Contains(r.Header.Status))
            && (query.Category is null || (query.Category.EndsWith(".*", StringComparison.Ordinal)
                ? r.Header.Category.StartsWith(query.Category[..^1], StringComparison.Ordinal)
                : r.Header.Category == query.Category))
            && (query.Department is null || r.Department == query.Department)
            && (query.Kind is null || r.Header.Kind == query.Kind)
            && (!query.OverdueOnly || r.DueAt < Now)
            && (query.OpenedFrom is null || r.Header.OpenedAt >= query.OpenedFrom)
            && (query.OpenedBefore is null || r.Header.OpenedAt < query.OpenedBefore)
            && (query.Sort != CaseListSort.SoonestDue || r.DueAt is not null));
        return query.Sort switch
        {
            CaseListSort.OldestFirst => [.. matching.OrderBy(r => r.Header.OpenedAt).ThenBy(r => r.CaseId, StringComparer.Ordinal)],
            CaseListSort.SoonestDue => [.. matching.OrderBy(r => r.DueAt).ThenBy(r => r.CaseId, StringComparer.Ordinal)],
            _ => [.. matching.OrderByDescending(r => r.Header.OpenedAt).ThenByDescending(r => r.CaseId, StringComparer.Ordinal)],
        };
    }

    // 40 cases over the four cells, four categories and the statuses, some dispatched with a due time; every third
    // opened at the same moment as the one before, so pages must break ties by case id.
    private static List<OpenCaseRow> Rows()
    {
        string[] cells = [.. AreaOfCell.Keys];
        string[] categories = ["water.leak", "water.main-burst", "road.pothole", "noise"];
        CaseStatusKind[] statuses = [CaseStatusKind.Reported, CaseStatusKind.Registered, CaseStatusKind.Dispatched, CaseStatusKind.Closed, CaseStatusKind.Dispatched];
        var rows = new List<OpenCaseRow>();
        var opened = Start;
        for (var i = 0; i < 40; i++)
        {
            opened = i % 3 == 2 ? opened : opened.AddHours(1);
            var status = statuses[i % statuses.Length];
            var dispatched = status is CaseStatusKind.Dispatched;
            // Every seventh a petition, so a filter by kind has something to leave out.
            var header = new CaseHeader($"c{(i * 7919) % 1000:D3}", categories[i % categories.Length], status, opened, $"Case {i}", new GeoLocation(30.5, 114.3), opened)
            {
                Kind = i % 7 == 3 ? CaseKind.Petition : CaseKind.Incident,
            };
            rows.Add(new OpenCaseRow(cells[i % cells.Length], header, null)
            {
                Department = dispatched || status == CaseStatusKind.Closed ? (i % 2 == 0 ? "roads" : "water") : "",
                DueAt = dispatched ? Start.AddDays(i % 20) : null,
            });
        }

        return rows;
    }
}
