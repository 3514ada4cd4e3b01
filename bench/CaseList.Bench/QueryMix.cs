using Governance.City.Map;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;

namespace Governance.CaseList.Bench;

/// <summary>What dispatchers ask of the list, each with its parameters drawn afresh per run: areas of every level, statuses common and rare, departments, overdue.</summary>
internal static class QueryMix
{
    public static IReadOnlyList<(string Name, Func<Random, CaseListQuery> Make)> Build(CityMap city, DateTimeOffset now)
    {
        Area[] districts = [.. city.Areas.Where(a => a.Level == AreaLevel.District)];
        Area[] streets = [.. city.Areas.Where(a => a.Level == AreaLevel.Street)];
        Area[] communities = [.. city.Areas.Where(a => a.Level == AreaLevel.Community)];
        string Path(Random r, Area[] areas) => city.AreaPath(areas[r.Next(areas.Length)].Code);
        string Department(Random r) => CaseRows.Departments[r.Next(CaseRows.Departments.Length)];
        string Category(Random r) => CaseRows.Categories[r.Next(CaseRows.Categories.Length)].Category;
        System.Collections.Immutable.ImmutableArray<CaseStatusKind> waiting = [CaseStatusKind.Reported, CaseStatusKind.Registered];

        return
        [
            ("city, newest", _ => new CaseListQuery()),
            ("district, newest", r => new CaseListQuery { AreaPath = Path(r, districts) }),
            ("street, newest", r => new CaseListQuery { AreaPath = Path(r, streets) }),
            ("community, newest", r => new CaseListQuery { AreaPath = Path(r, communities), AreaIsLowest = true }),
            ("cell, newest", r => new CaseListQuery { CellId = city.Cells[r.Next(city.Cells.Count)].Code }),
            ("dispatched, newest", _ => new CaseListQuery { Statuses = [CaseStatusKind.Dispatched] }),
            ("suspended (rare), newest", _ => new CaseListQuery { Statuses = [CaseStatusKind.Suspended] }),
            ("department + dispatched", r => new CaseListQuery { Department = Department(r), Statuses = [CaseStatusKind.Dispatched] }),
            ("overdue, soonest due", _ => new CaseListQuery { OverdueOnly = true, Sort = CaseListSort.SoonestDue }),
            ("department + overdue, soonest due", r => new CaseListQuery { Department = Department(r), OverdueOnly = true, Sort = CaseListSort.SoonestDue }),
            ("category, newest", r => new CaseListQuery { Category = Category(r) }),
            ("category prefix, newest", _ => new CaseListQuery { Category = "water.*" }),
            ("community + waiting", r => new CaseListQuery { AreaPath = Path(r, communities), AreaIsLowest = true, Statuses = waiting }),
            ("street + category + closed, oldest", r => new CaseListQuery
            {
                AreaPath = Path(r, streets), Category = Category(r), Statuses = [CaseStatusKind.Closed], Sort = CaseListSort.OldestFirst,
            }),
            ("district, a week in spring", r => new CaseListQuery
            {
                AreaPath = Path(r, districts), OpenedFrom = now.AddDays(-200 + r.Next(30)), OpenedBefore = now.AddDays(-193 + r.Next(30)),
            }),
            ("cell + dispatched", r => new CaseListQuery { CellId = city.Cells[r.Next(city.Cells.Count)].Code, Statuses = [CaseStatusKind.Dispatched] }),
            ("category + suspended (rare)", r => new CaseListQuery { Category = Category(r), Statuses = [CaseStatusKind.Suspended] }),
            ("street + closed, newest", r => new CaseListQuery { AreaPath = Path(r, streets), Statuses = [CaseStatusKind.Closed] }),
            ("district + overdue, newest", r => new CaseListQuery { AreaPath = Path(r, districts), OverdueOnly = true }),
        ];
    }
}
