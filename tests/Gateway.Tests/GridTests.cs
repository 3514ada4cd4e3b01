using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

[Collection(DemoCityCollection.Name)]
public sealed class GridTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task ListAreas_DemoCity_HasDistrictsStreetsAndCommunities()
    {
        var areas = await Host.Grid.ListAreasAsync(new ListAreasRequest());

        Assert.False(string.IsNullOrWhiteSpace(areas.CityName));
        Assert.Equal(100, areas.CellSizeMeters);
        var districts = areas.Areas.Where(a => a.Level == AreaLevel.District).ToList();
        Assert.True(districts.Count >= 2, $"{districts.Count} districts");
        Assert.Contains(areas.Areas, a => a.Level == AreaLevel.Street && districts.Any(d => d.Code == a.ParentCode));
        Assert.Contains(areas.Areas, a => a.Level == AreaLevel.Community && areas.Areas.Any(s => s.Level == AreaLevel.Street && s.Code == a.ParentCode));

        var underFirst = await Host.Grid.ListAreasAsync(new ListAreasRequest { ParentCode = districts[0].Code });
        Assert.NotEmpty(underFirst.Areas);
        Assert.All(underFirst.Areas, a => Assert.Equal(districts[0].Code, a.ParentCode));
    }

    [Fact]
    public async Task ListCells_WholeCity_PagesThroughEveryCellOnceInOrder()
    {
        var seen = new List<string>();
        var request = new ListCellsRequest { PageSize = 700 };
        ListCellsResponse page;
        do
        {
            page = await Host.Grid.ListCellsAsync(request);
            seen.AddRange(page.Cells.Select(c => c.CellId));
            request.PageToken = page.NextPageToken;
        }
        while (page.NextPageToken != "");

        Assert.True(page.TotalSize >= 2000, $"{page.TotalSize} cells");
        Assert.Equal(page.TotalSize, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task ListCells_OfADistrict_HasOnlyCellsBelowIt()
    {
        var areas = (await Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas;
        var district = areas.First(a => a.Level == AreaLevel.District);
        var below = BelowOf(areas, district.Code);

        var page = await Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = district.Code, PageSize = 1000 });

        Assert.NotEmpty(page.Cells);
        Assert.All(page.Cells, c => Assert.Contains(c.AreaCode, below));
        var all = await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 });
        Assert.True(page.TotalSize < all.TotalSize);
    }

    [Fact]
    public async Task ListCells_WithBoundaries_GivesEachCellTheShapeGetCellGives_AndWithoutThemNone()
    {
        var community = (await Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas.First(a => a.Level == AreaLevel.Community).Code;

        var shaped = await Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = community, PageSize = 1000, IncludeBoundary = true });
        var plain = await Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = community, PageSize = 1000 });
        var first = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = shaped.Cells[0].CellId })).Cell;
        var last = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = shaped.Cells[^1].CellId })).Cell;

        Assert.Equal(plain.Cells.Select(c => c.CellId), shaped.Cells.Select(c => c.CellId));
        Assert.All(plain.Cells, c => Assert.Empty(c.Boundary));
        Assert.All(shaped.Cells, c => Assert.True(c.Boundary.Count > 0 && c.Boundary.All(ring => ring.Points.Count >= 4), c.CellId));
        Assert.Equal(first.Boundary, shaped.Cells[0].Boundary);
        Assert.Equal(last.Boundary, shaped.Cells[^1].Boundary);
    }

    [Theory]
    [InlineData(-1, "", "page_size")]
    [InlineData(1001, "", "page_size")]
    [InlineData(10, "not-a-token", "page_token")]
    [InlineData(10, "bzotMQ", "page_token")]
    public async Task ListCells_BadPaging_IsInvalidArgument(int pageSize, string token, string field)
    {
        await RpcAssert.InvalidField(field, () => Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = pageSize, PageToken = token }).ResponseAsync);
    }

    [Fact]
    public async Task ListCells_UnknownArea_IsNotFound()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = "atlantis" }).ResponseAsync);
    }

    [Fact]
    public async Task GetCell_KnownCell_HasItsAreasShapeTerrainAndHouseholds()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);

        var cell = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;

        Assert.Equal(cellId, cell.CellId);
        Assert.Equal(centre, cell.Centroid);
        Assert.Equal(3, cell.Areas.Count);
        Assert.Equal([AreaLevel.Community, AreaLevel.Street, AreaLevel.District], cell.Areas.Select(a => a.Level));
        Assert.NotEmpty(cell.Boundary);
        Assert.True(cell.Boundary[0].Points.Count >= 3);
        Assert.InRange(cell.AreaSquareMeters, 1, 100 * 100 + 1);
        Assert.True(cell.HasElevationMeters);
        Assert.True(cell.HasDistanceToRiverMeters);
    }

    [Fact]
    public async Task GetCell_SomeCellsHaveHouseholds()
    {
        var page = await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 200 });
        var counts = new List<int>();
        foreach (var listing in page.Cells.Take(60))
        {
            counts.Add((await Host.Grid.GetCellAsync(new GetCellRequest { CellId = listing.CellId })).Cell.HouseholdCount);
        }

        Assert.Contains(counts, c => c > 0);
    }

    [Fact]
    public async Task GetCell_UnknownCell_IsNotFound()
    {
        var ex = await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Grid.GetCellAsync(new GetCellRequest { CellId = "nowhere.0.0" }).ResponseAsync);
        Assert.Contains("nowhere.0.0", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCell_EmptyId_IsInvalidArgument()
    {
        await RpcAssert.InvalidField("cell_id", () => Host.Grid.GetCellAsync(new GetCellRequest()).ResponseAsync);
    }

    [Fact]
    public async Task LocateCell_CentreOfACell_IsThatCell()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);

        var located = await Host.Grid.LocateCellAsync(new LocateCellRequest { Point = centre });

        Assert.True(located.Inside);
        Assert.Equal(cellId, located.CellId);
        Assert.StartsWith(located.AreaCode + ".", located.CellId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocateCell_OutsideTheCity_IsAnsweredAsOutside()
    {
        var located = await Host.Grid.LocateCellAsync(new LocateCellRequest { Point = new GeoPoint { Latitude = 51.5, Longitude = -0.12 } });

        Assert.False(located.Inside);
        Assert.Equal("", located.CellId);
    }

    [Theory]
    [InlineData(91, 0, "point.latitude")]
    [InlineData(0, 200, "point.longitude")]
    public async Task LocateCell_BadPoint_IsInvalidArgument(double latitude, double longitude, string field)
    {
        await RpcAssert.InvalidField(field, () => Host.Grid.LocateCellAsync(new LocateCellRequest { Point = new GeoPoint { Latitude = latitude, Longitude = longitude } }).ResponseAsync);
    }

    [Fact]
    public async Task LocateCell_NoPoint_IsInvalidArgument()
    {
        await RpcAssert.InvalidField("point", () => Host.Grid.LocateCellAsync(new LocateCellRequest()).ResponseAsync);
    }

    private static HashSet<string> BelowOf(IEnumerable<Area> areas, string code)
    {
        var all = areas.ToList();
        var result = new HashSet<string> { code };
        bool grew;
        do
        {
            grew = false;
            foreach (var area in all.Where(a => result.Contains(a.ParentCode) && !result.Contains(a.Code)))
            {
                grew |= result.Add(area.Code);
            }
        }
        while (grew);
        return result;
    }
}
