using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests;

/// <summary>A step a dispatcher was told was taken survives kill -9 of the silo: the case, its cell's row and its department's queue keep it.</summary>
public sealed class CaseStepDurabilityTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task StepsAnswered_SurviveKill9_InTheCaseItsCellAndTheDepartmentQueue()
    {
        using var folder = new TempFolder("case-steps");
        string cellId, openId, closedId;
        await using (var silo = await SiloProcess.StartAsync(folder.Path, StartTimeout))
        {
            using var channel = silo.OpenChannel();
            var intake = new IntakeService.IntakeServiceClient(channel);
            var cases = new CaseService.CaseServiceClient(channel);
            var listing = await new GridService.GridServiceClient(channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 });
            cellId = listing.Cells[0].CellId;
            openId = (await intake.ReportAsync(Reports.InCell(cellId))).CaseId;
            closedId = (await intake.ReportAsync(Reports.InCell(cellId))).CaseId;
            foreach (var (action, department) in new[] { (CaseAction.Register, ""), (CaseAction.Dispatch, "") })
            {
                await cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = openId, Action = action, Actor = "dispatcher-1", Department = department });
            }

            foreach (var (action, department) in new[]
            {
                (CaseAction.Register, ""), (CaseAction.Dispatch, ""), (CaseAction.Handle, ""), (CaseAction.Verify, ""), (CaseAction.Close, ""),
            })
            {
                await cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = closedId, Action = action, Actor = "dispatcher-1", Department = department });
            }

            await silo.KillAsync();
        }

        await using var restarted = await SiloProcess.StartAsync(folder.Path, StartTimeout);
        using var after = restarted.OpenChannel();
        var afterCases = new CaseService.CaseServiceClient(after);
        var open = (await afterCases.GetCaseAsync(new GetCaseRequest { CaseId = openId })).Case;
        Assert.Equal((CaseStatus.Dispatched, "city-management", 3), (open.Status, open.Department, open.History.Count));
        Assert.Equal(CaseStatus.Closed, (await afterCases.GetCaseAsync(new GetCaseRequest { CaseId = closedId })).Case.Status);
        var cell = (await new GridService.GridServiceClient(after).GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal([(openId, CaseStatus.Dispatched)], cell.OpenCases.Select(c => (c.CaseId, c.Status)));
        Assert.Equal((2L, 1), (cell.Counters.CasesOpened, cell.Counters.OpenCases));
        var queue = await afterCases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = "city-management" });
        Assert.Equal([openId], queue.Cases.Select(c => c.CaseId));
    }
}
