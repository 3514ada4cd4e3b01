using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests;

/// <summary>A real city from a GeoJSON file instead of the demo: Boston's neighbourhoods.</summary>
public sealed class RealCityTests
{
    [Fact]
    public async Task Start_WithBostonGeoJson_ServesItsGridAndLocatesPoints()
    {
        using var folder = new TempFolder("boston");
        await using var host = await GatewayHost.StartAsync(folder.Path, $"--city={SharedData.BostonNeighborhoods}", "--code-property=name", "--cell-size=250");

        var areas = await host.Grid.ListAreasAsync(new ListAreasRequest());
        Assert.Equal(26, areas.Areas.Count);
        Assert.Equal(250, areas.CellSizeMeters);
        Assert.Contains(areas.Areas, a => a.Name == "Back Bay");

        var backBay = await host.Grid.LocateCellAsync(new LocateCellRequest { Point = new GeoPoint { Latitude = 42.3503, Longitude = -71.0810 } });
        Assert.True(backBay.Inside);
        Assert.Equal("back-bay", backBay.AreaCode);
        var ocean = await host.Grid.LocateCellAsync(new LocateCellRequest { Point = new GeoPoint { Latitude = 42.35, Longitude = -70.8 } });
        Assert.False(ocean.Inside);

        var ack = await host.Intake.ReportAsync(Reports.At(42.3503, -71.0810));
        Assert.Equal(backBay.CellId, ack.CellId);
        var cell = (await host.Grid.GetCellAsync(new GetCellRequest { CellId = ack.CellId })).Cell;
        Assert.Single(cell.Areas);
        Assert.False(cell.HasElevationMeters);
        Assert.Contains(cell.OpenCases, c => c.CaseId == ack.CaseId);
    }
}
