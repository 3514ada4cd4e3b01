using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;

namespace Governance.Silo.Storage.CaseList;

/// <summary>
/// Which index of <c>07_case_list.sql</c> a SQLite list query reads (<c>INDEXED BY</c>). SQLite's planner chooses well
/// only with statistics from a full ANALYZE (a second for a million cases, and stale as a storm adds cases); without
/// them it reads the time index for every query and a cell's list scans the city. So the choice is made here, from how
/// a city's cases spread: a cell holds a few thousandth of them, running clocks and open statuses a few hundredths, a
/// community or a category some hundredths, and closed or evaluated cases most of them. Each index ends with the time
/// a page is sorted by, so the rows it leads to come in order or nearly so. PostgreSQL's planner keeps its own
/// statistics current and chooses for itself.
/// </summary>
internal static class SqliteCaseListIndex
{
    private static readonly CaseStatusKind[] Settled = [CaseStatusKind.Closed, CaseStatusKind.Evaluated, CaseStatusKind.Rejected];

    public static string For(CaseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statuses = !query.Statuses.IsDefaultOrEmpty;
        var onlyOpenStatuses = statuses && !query.Statuses.Any(Settled.Contains);
        return query switch
        {
            { CellId: not null } => "gov_open_case_of_cell",
            { Department: not null, OverdueOnly: true } or { Department: not null, Sort: CaseListSort.SoonestDue } => "gov_case_by_department_due",
            { Sort: CaseListSort.SoonestDue } => "gov_case_by_due",
            { OverdueOnly: true } => "gov_case_running_by_time",
            { AreaIsLowest: true, AreaPath: not null } => statuses ? "gov_case_by_area_status" : "gov_case_by_area",
            { Department: not null } => "gov_case_by_department",
            _ when onlyOpenStatuses => "gov_case_by_status",
            { Category: { } category } when !category.EndsWith(".*", StringComparison.Ordinal) => "gov_case_by_category",
            _ when statuses => "gov_case_by_status",
            _ => "gov_case_by_time",
        };
    }
}
