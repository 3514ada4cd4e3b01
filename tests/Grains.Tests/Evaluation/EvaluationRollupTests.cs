using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Evaluation;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Evaluation;

/// <summary>
/// A scripted day of five cases in one cell, then its evaluation from the cell, its community, its district and the
/// department the cases went to, against figures worked out by hand. The test moves the silo's clock.
/// </summary>
[Collection(EvaluationClusterCollection.Name)]
public sealed class EvaluationRollupTests(EvaluationClusterFixture fixture)
{
    private const string Reporter = "citizen-9";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task AScriptedDay_IsEvaluatedAsWorkedOutByHand_InTheCellAndEveryRollUpAboveIt()
    {
        var cellInfo = fixture.City.Cells[0];
        var cell = fixture.Grains.Cell(cellInfo.Code);
        var opened = fixture.Clock.GetUtcNow();
        var ids = new List<string>();
        foreach (var i in Enumerable.Range(0, 5))
        {
            var report = new IncomingReport($"eval-{i}-{Guid.NewGuid():N}", ReportChannel.CitizenApp, $"test.eval{i}", "Broken bench.", null, opened, Reporter);
            ids.Add((await cell.ProcessAsync([report]))[0].CaseId);
        }

        var (a, b, c, d, e) = (Case(ids[0]), Case(ids[1]), Case(ids[2]), Case(ids[3]), Case(ids[4]));
        await At(10 * Minute, (a, CaseAction.Register), (b, CaseAction.Register), (c, CaseAction.Register), (d, CaseAction.Register), (e, CaseAction.Reject));
        await At(20 * Minute, (a, CaseAction.Dispatch));                                              // a: 30 min to dispatch
        await At(30 * Minute, (b, CaseAction.Dispatch));                                              // b: 60
        await At(30 * Minute, (c, CaseAction.Dispatch));                                              // c: 90
        await c.TransitionAsync(Step(CaseAction.Postpone) with { PostponeUntil = fixture.Clock.GetUtcNow().AddDays(5) });
        await At(30 * Minute, (d, CaseAction.Dispatch), (a, CaseAction.Handle), (a, CaseAction.Verify), (a, CaseAction.Close));  // d: 120; a closed 90 min after dispatch
        await At(60 * Minute, (b, CaseAction.Handle), (b, CaseAction.Rework));
        await At(60 * Minute, (b, CaseAction.Handle), (b, CaseAction.Verify), (b, CaseAction.Close));  // b closed 180 min after dispatch
        // d is due 3 days after its dispatch (the demo rules' default); handled a day late, closed 4 days after opening.
        fixture.Clock.Advance(TimeSpan.FromDays(4) - (4 * 60 * Minute));
        await At(TimeSpan.Zero, (d, CaseAction.Handle), (d, CaseAction.Verify), (d, CaseAction.Close));  // d: 5,640 min from dispatch to close
        await a.RateAsync(Reporter, 5, "quick");
        await b.RateAsync(Reporter, 2, "came back twice");

        await cell.PushEvaluationAsync();
        var chain = fixture.City.GetAreaChain(cellInfo.AreaCode);
        foreach (var area in chain)
        {
            await fixture.Grains.AreaEvaluation(area.Code).PushAsync();
        }

        var day = DateOnly.FromDateTime(opened.UtcDateTime);
        var expected = new EvaluationReport
        {
            Opened = 5,
            Registered = 4,
            Closed = 3,
            RegistrationRate = 4 / 5.0,
            ClosureRate = 3 / 4.0,
            OnTimeClosureRate = 2 / 3.0,
            ReworkRate = 1 / 3.0,
            PostponementRate = 1 / 4.0,
            ReportToDispatchMedianMinutes = 60,
            ReportToDispatchP90Minutes = 120,
            DispatchToCloseMedianMinutes = 180,
            DispatchToCloseP90Minutes = 5_640,
            MeanSatisfaction = 3.5,
            Ratings = 2,
        };
        Assert.Equal(expected, await cell.EvaluateAsync(day, day));
        foreach (var area in chain)
        {
            Assert.Equal(expected, await fixture.Grains.AreaEvaluation(area.Code).EvaluateAsync(day, day));
        }

        // The rejected case was never dispatched: the department counts the other four.
        var department = await fixture.Grains.DepartmentEvaluation("city-management").EvaluateAsync(day, day);
        Assert.Equal(expected with { Opened = 4, RegistrationRate = 1.0 }, department);
        Assert.Equal(new EvaluationReport(), await fixture.Grains.AreaEvaluation(chain[0].Code).EvaluateAsync(day.AddDays(1), day.AddDays(30)));
    }

    private ICaseGrain Case(string id) => fixture.Grains.Case(id);

    // Moves the clock, then takes the steps in order.
    private async Task At(TimeSpan after, params (ICaseGrain Case, CaseAction Action)[] steps)
    {
        fixture.Clock.Advance(after);
        foreach (var (caseGrain, action) in steps)
        {
            var result = await caseGrain.TransitionAsync(Step(action));
            Assert.True(result.Kind == CaseChangeOutcome.Taken, $"{action}: {result.Refusal}");
        }
    }

    private static CaseTransition Step(CaseAction action) => new(action, "dispatcher-1", "As the script says.", "supervisor-2", "", []);
}
