using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests;

/// <summary>
/// A deadline outlives the process: a case dispatched just before kill -9 escalates after the restart, from what was
/// stored, once per level. The embedded mode has no durable reminders; the watch reads the stored queues.
/// </summary>
public sealed class DeadlineRestartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ACaseDispatchedBeforeKill9_EscalatesAfterTheRestart_OncePerLevel()
    {
        using var folder = new TempFolder("deadline-restart");
        var args = Escalations.FastRulesArgs(folder);
        string caseId;
        await using (var silo = await SiloProcess.StartAsync(folder.Path, StartTimeout, args))
        {
            using var channel = silo.OpenChannel();
            var listing = await new GridService.GridServiceClient(channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 });
            caseId = (await new IntakeService.IntakeServiceClient(channel).ReportAsync(Reports.InCell(listing.Cells[0].CellId))).CaseId;
            await Escalations.DispatchAsync(new CaseService.CaseServiceClient(channel), caseId);
            await silo.KillAsync();
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var restarted = await SiloProcess.StartAsync(folder.Path, StartTimeout, args);
        using var after = restarted.OpenChannel();
        var cases = new CaseService.CaseServiceClient(after);
        var escalated = await Escalations.WaitForAsync(cases, caseId, levels: 2, TimeSpan.FromSeconds(30));

        var escalations = escalated.History.Where(e => e.EscalationLevel > 0).ToList();
        Assert.Equal([1, 2], escalations.Select(e => e.EscalationLevel));
        Assert.All(escalations, e => Assert.True(e.At.ToDateTimeOffset() >= restartedAt, "escalated by the restarted process"));
        Assert.Equal(["the street's head.", "the district."], escalations.Select(e => e.Note.Split("escalated to ")[1]));
        Assert.True(escalated.Overdue);
        var queued = (await cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = "street-office" })).Cases.Single();
        Assert.Equal((caseId, true, 2), (queued.CaseId, queued.Overdue, queued.Deadline.EscalationLevel));
    }
}
