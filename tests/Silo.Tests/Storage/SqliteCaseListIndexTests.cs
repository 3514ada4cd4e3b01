using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Silo.Storage.CaseList;

namespace Governance.Silo.Tests.Storage;

/// <summary>The index a SQLite list query reads: the narrowest its filters allow, as docs/benchmarks.md measured them.</summary>
public sealed class SqliteCaseListIndexTests
{
    public static TheoryData<string, CaseListQuery> Choices() => new()
    {
        { "gov_case_by_time", new CaseListQuery() },
        { "gov_case_by_time", new CaseListQuery { AreaPath = "/east/" } },
        { "gov_case_by_time", new CaseListQuery { Category = "water.*" } },
        { "gov_open_case_of_cell", new CaseListQuery { CellId = "dock.1.2", Statuses = [CaseStatusKind.Dispatched], OverdueOnly = true } },
        { "gov_case_running_by_time", new CaseListQuery { OverdueOnly = true, AreaPath = "/east/" } },
        { "gov_case_by_due", new CaseListQuery { OverdueOnly = true, Sort = CaseListSort.SoonestDue } },
        { "gov_case_by_department_due", new CaseListQuery { Department = "roads", Sort = CaseListSort.SoonestDue } },
        { "gov_case_by_area", new CaseListQuery { AreaPath = "/east/harbour/dock/", AreaIsLowest = true, Category = "noise" } },
        { "gov_case_by_area_status", new CaseListQuery { AreaPath = "/east/harbour/dock/", AreaIsLowest = true, Statuses = [CaseStatusKind.Reported] } },
        { "gov_case_by_department", new CaseListQuery { Department = "roads", Statuses = [CaseStatusKind.Closed] } },
        // Open statuses are few of a city's cases, settled ones most: a category narrows those better.
        { "gov_case_by_status", new CaseListQuery { Category = "noise", Statuses = [CaseStatusKind.Suspended] } },
        { "gov_case_by_category", new CaseListQuery { Category = "noise", Statuses = [CaseStatusKind.Closed] } },
        { "gov_case_by_status", new CaseListQuery { Statuses = [CaseStatusKind.Closed], AreaPath = "/east/" } },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void AQuery_ReadsTheNarrowestIndexItsFiltersAllow(string index, CaseListQuery query)
    {
        Assert.Equal(index, SqliteCaseListIndex.For(query));
    }
}
