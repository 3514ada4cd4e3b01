using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Deadlines;
using Governance.Contracts.Departments;
using Governance.Grains.Clock;
using Governance.Grains.Deadlines;
using Governance.Grains.Routing;
using Governance.Grains.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Grains.Tests.Deadlines;

/// <summary>
/// Overdue cases escalate through the watch, from what the case and its department's queue stored; the clock moves by
/// the test. Cases of a "test." category get the demo rules' default: committed, 3 days, to city-management.
/// </summary>
[Collection(MovableClockClusterCollection.Name)]
public sealed class EscalationTests(MovableClockClusterFixture fixture)
{
    private const string Department = "city-management";
    private static readonly TimeSpan Limit = TimeSpan.FromDays(3);
    private static int _nextCell;

    [Fact]
    public async Task ADispatch_StartsTheClock_ByTheCategorysRule()
    {
        var (caseGrain, dispatched) = await DispatchedCaseAsync();

        var deadline = dispatched.Deadline!;
        var dispatch = dispatched.History[^1];
        Assert.Equal((DeadlineKind.Committed, Limit, dispatch.At + Limit), (deadline.Kind, deadline.Limit, deadline.DueAt));
        Assert.Equal(deadline.DueAt, dispatch.DueAt);
        Assert.Contains("(committed, 3d)", dispatch.Note, StringComparison.Ordinal);
        Assert.False(dispatched.Overdue);
        Assert.Equal(deadline, (await QueueEntryAsync(dispatched.CaseId))!.Deadline);
        Assert.Equal(0, await caseGrain.EscalateAsync());
    }

    [Fact]
    public async Task AnOverdueCase_EscalatesWhenDue_AndOnceMoreAfterEachFurtherLimit_ThenNoFurther()
    {
        var (caseGrain, dispatched) = await DispatchedCaseAsync();

        fixture.Clock.Advance(Limit + TimeSpan.FromMinutes(1));
        await fixture.Watch.CheckAsync();
        await fixture.Watch.CheckAsync();
        var first = (await caseGrain.GetAsync())!;
        fixture.Clock.Advance(Limit);
        await fixture.Watch.CheckAsync();
        fixture.Clock.Advance(Limit * 10);
        await fixture.Watch.CheckAsync();
        var last = (await caseGrain.GetAsync())!;

        var firstEscalation = Assert.Single(first.History, e => e.EscalationLevel is not null);
        Assert.Equal((1, DeadlineWatch.Actor, CaseStatusKind.Dispatched), (firstEscalation.EscalationLevel, firstEscalation.Actor, firstEscalation.Status));
        Assert.EndsWith("escalated to the department's head.", firstEscalation.Note, StringComparison.Ordinal);
        Assert.True(first.Overdue);
        Assert.Equal([1, 2], last.History.Where(e => e.EscalationLevel is not null).Select(e => e.EscalationLevel!.Value));
        Assert.Contains("supervision and command centre", last.History[^1].Note, StringComparison.Ordinal);
        var entry = (await QueueEntryAsync(dispatched.CaseId))!;
        Assert.Equal((true, 2), (entry.Overdue, entry.Deadline!.Escalations));
    }

    [Fact]
    public async Task ADepartmentWhoseQueueDoesNotAnswer_DoesNotHoldUpTheEscalationsOfTheOthers()
    {
        // Roads comes after city-management in the rules, so a check that stopped at the first failure never reached it.
        var (caseGrain, dispatched) = await DispatchedCaseAsync("road.d");
        Assert.Equal("roads", dispatched.Department);
        fixture.Clock.Advance(dispatched.Deadline!.Limit + TimeSpan.FromMinutes(1));

        using (fixture.Faults.Fail(fixture.Grains.Department(Department).GetGrainId(), nameof(IDepartmentGrain.GetQueueAsync)))
        {
            await fixture.Watch.CheckAsync();
        }

        var escalated = (await caseGrain.GetAsync())!;
        Assert.Equal(1, Assert.Single(escalated.History, e => e.EscalationLevel is not null).EscalationLevel);
    }

    [Fact]
    public async Task ASuspension_StopsTheClock_AndTheResumptionGivesBackTheTimeThatWasLeft()
    {
        var (caseGrain, _) = await DispatchedCaseAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(1));

        var suspended = await StepAsync(caseGrain, CaseAction.Suspend);
        fixture.Clock.Advance(Limit * 5);
        await fixture.Watch.CheckAsync();
        var resumed = await StepAsync(caseGrain, CaseAction.Resume);

        Assert.Null(suspended.Deadline!.DueAt);
        Assert.InRange(suspended.Deadline.Remaining!.Value, TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(2));
        Assert.DoesNotContain(resumed.History, e => e.EscalationLevel is not null);
        Assert.Equal(resumed.History[^1].At + suspended.Deadline.Remaining.Value, resumed.Deadline!.DueAt);
        Assert.False(resumed.Overdue);
    }

    [Fact]
    public async Task APostponement_MovesTheDueTime_AndEscalationStartsOverFromIt()
    {
        var (caseGrain, dispatched) = await DispatchedCaseAsync();
        fixture.Clock.Advance(Limit + TimeSpan.FromMinutes(1));
        await caseGrain.EscalateAsync();
        var until = fixture.Clock.GetUtcNow().AddDays(2);

        var tooEarly = await caseGrain.TransitionAsync(Step(CaseAction.Postpone) with { PostponeUntil = dispatched.Deadline!.DueAt!.Value.AddHours(-1) });
        var postponed = (await caseGrain.TransitionAsync(Step(CaseAction.Postpone) with { PostponeUntil = until })).Case!;
        await fixture.Watch.CheckAsync();
        var notYet = (await caseGrain.GetAsync())!;
        fixture.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await fixture.Watch.CheckAsync();
        var again = (await caseGrain.GetAsync())!;

        Assert.Equal((CaseChangeOutcome.Invalid, "postpone_until"), (tooEarly.Kind, tooEarly.Field));
        Assert.Contains("has passed", tooEarly.Refusal, StringComparison.Ordinal);
        Assert.Equal((until, 0, false), (postponed.Deadline!.DueAt, postponed.Deadline.Escalations, postponed.Overdue));
        Assert.Equal(until, postponed.History[^1].DueAt);
        Assert.Single(notYet.History, e => e.EscalationLevel is not null);
        Assert.Equal([1, 1], again.History.Where(e => e.EscalationLevel is not null).Select(e => e.EscalationLevel!.Value));
    }

    [Fact]
    public async Task HandlingLate_StopsTheClock_KeepsTheCaseMarkedLate_AndAReworkStartsAFreshOne()
    {
        var (caseGrain, dispatched) = await DispatchedCaseAsync();
        fixture.Clock.Advance(Limit + TimeSpan.FromHours(1));

        var handled = await StepAsync(caseGrain, CaseAction.Handle);
        await fixture.Watch.CheckAsync();
        var queuedOnceHandled = await QueueEntryAsync(dispatched.CaseId);
        var reworked = await StepAsync(caseGrain, CaseAction.Rework);

        Assert.Equal((true, false), (handled.Overdue, handled.Deadline!.IsRunning));
        Assert.NotNull(handled.Deadline.HandledAt);
        Assert.Null(queuedOnceHandled);
        Assert.DoesNotContain(handled.History, e => e.EscalationLevel is not null);
        Assert.Equal((reworked.History[^1].At + Limit, false), (reworked.Deadline!.DueAt, reworked.Overdue));
    }

    [Fact]
    public async Task TheQueue_PutsTheMostOverdueFirst_AndSuspendedCasesLast()
    {
        var (suspendedCase, _) = await DispatchedCaseAsync();
        await StepAsync(suspendedCase, CaseAction.Suspend);
        var (_, first) = await DispatchedCaseAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var (_, second) = await DispatchedCaseAsync();
        var suspendedId = suspendedCase.GetPrimaryKeyString()[GrainKeys.CasePrefix.Length..];
        fixture.Clock.Advance(Limit - TimeSpan.FromMinutes(30));

        var queue = (await fixture.Grains.Department(Department).GetQueueAsync())!.Value;

        string[] ours = [first.CaseId, second.CaseId, suspendedId];
        Assert.Equal(ours, queue.Select(e => e.CaseId).Where(ours.Contains));
        Assert.Equal([true, false, false], queue.Where(e => ours.Contains(e.CaseId)).Select(e => e.Overdue));
    }

    [Fact]
    public async Task Deadlines_AreKeptInStoredState_SoAnotherClusterOnTheSameStoreEscalates()
    {
        var (_, dispatched) = await DispatchedCaseAsync();
        fixture.Clock.Advance(Limit + TimeSpan.FromMinutes(1));

        // A second cluster, as after a restart: it knows the deadline only from what the first one stored. The first lets
        // go of the grains the second will write, and reads them back afterwards.
        await DeactivateAsync(fixture.Grains.Department(Department), fixture.Grains.Case(dispatched.CaseId));
        await using (var other = await GrainClusterFixture.StartClusterAsync(fixture.Storage, fixture.City, fixture.Clock))
        {
            await new DeadlineWatch(other.Client, RoutingRules.Demo(), new CityClock(fixture.Clock), NullLogger<DeadlineWatch>.Instance).CheckAsync();
            await DeactivateAsync(other, other.Client.Department(Department), other.Client.Case(dispatched.CaseId));
        }

        var after = (await fixture.Grains.Case(dispatched.CaseId).GetAsync())!;
        Assert.Equal(1, Assert.Single(after.History, e => e.EscalationLevel is not null).EscalationLevel);
        Assert.Equal(1, (await QueueEntryAsync(dispatched.CaseId))!.Deadline!.Escalations);
    }

    private Task DeactivateAsync(params IAddressable[] grains) => DeactivateAsync(fixture.Cluster, grains);

    private static async Task DeactivateAsync(Orleans.TestingHost.InProcessTestCluster cluster, params IAddressable[] grains)
    {
        foreach (var grain in grains)
        {
            await cluster.DeactivateAsync(grain);
        }
    }

    private async Task<(ICaseGrain Case, CaseDetails Dispatched)> DispatchedCaseAsync(string categoryPrefix = "test.d")
    {
        var cells = fixture.City.Cells;
        var cell = fixture.Grains.Cell(cells[Interlocked.Increment(ref _nextCell) % cells.Count].Code);
        var report = new IncomingReport(
            $"deadline-{Guid.NewGuid():N}", ReportChannel.GridWorker, $"{categoryPrefix}{Guid.NewGuid():N}"[..20], "Broken kerb.", null, fixture.Clock.GetUtcNow(), "worker-3");
        var caseGrain = fixture.Grains.Case((await cell.ProcessAsync([report]))[0].CaseId);
        await StepAsync(caseGrain, CaseAction.Register);
        return (caseGrain, await StepAsync(caseGrain, CaseAction.Dispatch));
    }

    private static async Task<CaseDetails> StepAsync(ICaseGrain caseGrain, CaseAction action)
    {
        var result = await caseGrain.TransitionAsync(Step(action));
        Assert.True(result.Kind == CaseChangeOutcome.Taken, $"{action}: {result.Refusal}");
        return result.Case!;
    }

    private static CaseTransition Step(CaseAction action) => new(action, "dispatcher-1", "Needs a contractor.", "supervisor-2", "", []);

    private async Task<QueuedCaseInfo?> QueueEntryAsync(string caseId) =>
        (await fixture.Grains.Department(Department).GetQueueAsync())!.Value.FirstOrDefault(e => e.CaseId == caseId);
}
