using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests;

/// <summary>In the real host, the roll-ups' timers carry a cell's figures up to its areas and department, and they outlive a restart.</summary>
public sealed class EvaluationRollupHostTests
{
    [Fact]
    public async Task ACellsFigures_ReachEveryAreaAboveIt_AndTheDepartment_AndSurviveARestart()
    {
        using var folder = new TempFolder("evaluation-host");
        string[] fast = ["--Evaluation:PushSeconds=1"];
        var days = (DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        List<string> areas;
        await using (var host = await GatewayHost.StartAsync(folder.Path, fast))
        {
            var (cellId, _) = await CityProbe.FreshCellAsync(host);
            var caseId = (await host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;
            foreach (var action in new[] { CaseAction.Register, CaseAction.Dispatch, CaseAction.Handle, CaseAction.Verify, CaseAction.Close })
            {
                await host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = "dispatcher-1" });
            }

            areas = [.. (await host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.Areas.Select(a => a.Code)];
            var evaluation = new EvaluationService.EvaluationServiceClient(host.Channel);
            // Each level pushes a second after it hears of a change: the top area and then the department within seconds.
            foreach (var scope in areas.Select(a => new GetEvaluationRequest { Area = a }).Append(new GetEvaluationRequest { Department = "city-management" }))
            {
                (scope.FirstDay, scope.LastDay) = days;
                var found = await WaitForClosedAsync(evaluation, scope);
                Assert.Equal((1, 1, 1, 1.0), (found.Opened, found.Registered, found.Closed, found.OnTimeClosureRate));
            }
        }

        await using var restarted = await GatewayHost.StartAsync(folder.Path, fast);
        var afterRestart = await new EvaluationService.EvaluationServiceClient(restarted.Channel)
            .GetEvaluationAsync(new GetEvaluationRequest { Area = areas[^1], FirstDay = days.Item1, LastDay = days.Item2 });
        Assert.Equal((1, 1), (afterRestart.Opened, afterRestart.Closed));
    }

    private static async Task<GetEvaluationResponse> WaitForClosedAsync(EvaluationService.EvaluationServiceClient evaluation, GetEvaluationRequest scope)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = await evaluation.GetEvaluationAsync(scope);
            if (found.Closed > 0 || DateTime.UtcNow > giveUp)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }
}
