using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests;

/// <summary>Stop the application and start it again on the same store: the same city and every case are there.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_SameStore_KeepsTheCityEveryCaseAndTheCellCounters()
    {
        using var folder = new TempFolder("restart");
        string cellId, caseId;
        ListAreasResponse areasBefore;
        Cell cellBefore;
        await using (var first = await GatewayHost.StartAsync(folder.Path))
        {
            (cellId, var centre) = await CityProbe.FreshCellAsync(first);
            caseId = (await first.Intake.ReportAsync(Reports.At(centre.Latitude, centre.Longitude))).CaseId;
            await first.Intake.ReportAsync(Reports.InCell(cellId));
            areasBefore = await first.Grid.ListAreasAsync(new ListAreasRequest());
            cellBefore = (await first.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        }

        await using var second = await GatewayHost.StartAsync(folder.Path);

        Assert.Equal(areasBefore, await second.Grid.ListAreasAsync(new ListAreasRequest()));
        var cellAfter = (await second.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(cellBefore, cellAfter);
        Assert.Equal(2, cellAfter.Counters.CasesOpened);
        var found = (await second.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        Assert.Equal(cellId, found.CellId);
    }

    [Fact]
    public async Task Start_OtherCityFileOnAStoreHoldingTheDemo_IsRefusedWithAClearMessage()
    {
        using var folder = new TempFolder("restart-city");
        await using (await GatewayHost.StartAsync(folder.Path))
        {
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GatewayHost.StartAsync(folder.Path, $"--city={SharedData.BostonNeighborhoods}"));

        Assert.Contains("already holds the city from demo:", ex.Message, StringComparison.Ordinal);
    }
}
