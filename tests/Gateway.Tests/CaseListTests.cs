using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>ListCases over the API: the read model's filters reached through area codes at any level, paging, and bad input.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class CaseListTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task ACellsCases_AreListedByTheCell_ItsArea_AndItsAreasParent_WithWhereEachStands()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var category = $"test.l{Guid.NewGuid():N}"[..20];
        var ids = new List<string>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var report = Reports.InCell(cellId);
            report.Category = $"{category}.{ids.Count}";
            ids.Add((await Host.Intake.ReportAsync(report)).CaseId);
        }

        // Reports of categories of their own, so none merges into another. A step stores the cell's rows now; without one, a new case is listed from the next intake checkpoint.
        foreach (var action in new[] { CaseAction.Register, CaseAction.Dispatch })
        {
            await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = ids[0], Action = action, Actor = "dispatcher-1" });
        }

        // The cell's own area and the one above it.
        var areas = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.Areas;
        var (areaCode, parent) = (areas[0].Code, areas[1].Code);

        var byCell = await ListAsync(new ListCasesRequest { Area = cellId, Category = category + ".*" });
        var byArea = await ListAsync(new ListCasesRequest { Area = areaCode, Category = category + ".*" });
        var byParent = await ListAsync(new ListCasesRequest { Area = parent, Category = "test.*", Statuses = { CaseStatus.Dispatched } });

        Assert.Equal(ids.AsEnumerable().Reverse(), byCell.Cases.Select(c => c.CaseId));
        Assert.Equal(byCell.Cases, byArea.Cases);
        var dispatched = byCell.Cases.Single(c => c.CaseId == ids[0]);
        Assert.Equal((CaseStatus.Dispatched, "city-management", CaseKind.Incident, false), (dispatched.Status, dispatched.Department, dispatched.Kind, dispatched.Overdue));
        Assert.NotNull(dispatched.DueAt);
        Assert.Contains(byParent.Cases, c => c.CaseId == ids[0]);
        Assert.All(byParent.Cases, c => Assert.Equal(CaseStatus.Dispatched, c.Status));
    }

    [Fact]
    public async Task Pages_FollowOnFromEachOther_UntilTheLastHasNoToken()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var category = $"test.p{Guid.NewGuid():N}"[..20];
        var ids = new List<string>();
        foreach (var _ in Enumerable.Range(0, 5))
        {
            var report = Reports.InCell(cellId);
            report.Category = $"{category}.{ids.Count}";
            ids.Add((await Host.Intake.ReportAsync(report)).CaseId);
        }

        await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = ids[0], Action = CaseAction.Register, Actor = "dispatcher-1" });
        var request = new ListCasesRequest { Category = category + ".*", Sort = CaseListSort.OldestFirst, PageSize = 2 };
        var listed = new List<string>();
        var pages = 0;
        do
        {
            var page = await ListAsync(request);
            listed.AddRange(page.Cases.Select(c => c.CaseId));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(ids, listed);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task AnUnknownArea_IsNotFound()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Cases.ListCasesAsync(new ListCasesRequest { Area = "atlantis" }).ResponseAsync);
    }

    [Fact]
    public async Task ATokenFromAnotherQuery_IsInvalidArgument()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var category = $"test.t{Guid.NewGuid():N}"[..20];
        foreach (var i in Enumerable.Range(0, 2))
        {
            var report = Reports.InCell(cellId);
            report.Category = $"{category}.{i}";
            var caseId = (await Host.Intake.ReportAsync(report)).CaseId;
            await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = CaseAction.Register, Actor = "dispatcher-1" });
        }

        var first = await ListAsync(new ListCasesRequest { Category = category + ".*", PageSize = 1 });

        Assert.NotEmpty(first.NextPageToken);
        await RpcAssert.InvalidField("page_token", () => Host.Cases.ListCasesAsync(
            new ListCasesRequest { Category = category + ".*", PageSize = 1, Sort = CaseListSort.OldestFirst, PageToken = first.NextPageToken }).ResponseAsync);
        await RpcAssert.InvalidField("page_token", () => Host.Cases.ListCasesAsync(new ListCasesRequest { PageToken = "not-a-token" }).ResponseAsync);
    }

    [Theory]
    [InlineData("statuses[0]")]
    [InlineData("category")]
    [InlineData("page_size")]
    [InlineData("opened_before")]
    [InlineData("sort")]
    [InlineData("kind")]
    public async Task AMalformedFilter_IsInvalidArgument_NamingTheField(string field)
    {
        var request = field switch
        {
            "statuses[0]" => new ListCasesRequest { Statuses = { (CaseStatus)42 } },
            "category" => new ListCasesRequest { Category = "*.leak" },
            "page_size" => new ListCasesRequest { PageSize = 201 },
            "opened_before" => new ListCasesRequest
            {
                OpenedFrom = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                OpenedBefore = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            },
            "sort" => new ListCasesRequest { Sort = (CaseListSort)9 },
            _ => new ListCasesRequest { Kind = (CaseKind)7 },
        };

        await RpcAssert.InvalidField(field, () => Host.Cases.ListCasesAsync(request).ResponseAsync);
    }

    private async Task<ListCasesResponse> ListAsync(ListCasesRequest request) => await Host.Cases.ListCasesAsync(request);
}
