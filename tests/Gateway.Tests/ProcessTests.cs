using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests;

/// <summary>The silo run as its own process, the way the README runs it, stopped and killed between runs.</summary>
public sealed class ProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SiloProcess_StoppedThenKilled_KeepsTheCityAndEveryAcknowledgedCase()
    {
        using var folder = new TempFolder("silo-process");
        string caseId, cellId, firstCellIds, killedCaseId;

        await using (var first = await SiloProcess.StartAsync(folder.Path, StartTimeout))
        {
            Assert.Matches(@"store Sqlite \(.*data/governance\.db\)", first.Output);
            Assert.Matches(@"created city '.+' from demo:\d+: \d+ areas, \d+ cells of 100 m, \d+ households, \d+ residents", first.Output);
            using var channel = first.OpenChannel();
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            var grid = new GridService.GridServiceClient(channel);
            var listing = (await grid.ListCellsAsync(new ListCellsRequest { PageSize = 50 })).Cells;
            firstCellIds = string.Join(",", listing.Select(c => c.CellId));
            cellId = listing[7].CellId;
            caseId = (await new IntakeService.IntakeServiceClient(channel).ReportAsync(Reports.InCell(cellId))).CaseId;
            await first.StopAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "governance.db")));

        await using (var second = await SiloProcess.StartAsync(folder.Path, StartTimeout))
        {
            Assert.Matches(@"loaded city '.+' from demo:\d+", second.Output);
            using var channel = second.OpenChannel();
            killedCaseId = (await new IntakeService.IntakeServiceClient(channel).ReportAsync(Reports.InCell(cellId))).CaseId;
            await second.KillAsync();
        }

        await using var third = await SiloProcess.StartAsync(folder.Path, StartTimeout);
        using var thirdChannel = third.OpenChannel();
        var thirdGrid = new GridService.GridServiceClient(thirdChannel);
        var again = (await thirdGrid.ListCellsAsync(new ListCellsRequest { PageSize = 50 })).Cells;
        Assert.Equal(firstCellIds, string.Join(",", again.Select(c => c.CellId)));
        var cell = (await thirdGrid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(2, cell.Counters.CasesOpened);
        Assert.Equal(new[] { caseId, killedCaseId }.Order(), cell.OpenCases.Select(c => c.CaseId).Order());
        var cases = new CaseService.CaseServiceClient(thirdChannel);
        Assert.Equal(cellId, (await cases.GetCaseAsync(new GetCaseRequest { CaseId = killedCaseId })).Case.CellId);
    }
}
