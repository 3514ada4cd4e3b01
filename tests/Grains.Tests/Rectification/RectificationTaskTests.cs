using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Rectification;

/// <summary>
/// A rectification task (整改) from an inspection's feedback list on the demo rules: rectification.* goes to the urban
/// management bureau within 90 days unless the assignment says otherwise; a progress report is owed every month.
/// </summary>
[Collection(MovableClockClusterCollection.Name)]
public sealed class RectificationTaskTests(MovableClockClusterFixture fixture)
{
    [Fact]
    public async Task ATask_IsAssignedWithADeadline_ReportedOnMonthly_EscalatedWhenLate_ReopenedAndConfirmed()
    {
        var task = await ListAsync();
        var dueBy = fixture.Clock.GetUtcNow() + TimeSpan.FromDays(60);

        var assigned = await StepAsync(task, Step(CaseAction.Assign) with { Responsible = "deputy-director-wang", DueBy = dueBy });
        var queued = await QueuedAsync(assigned.CaseId);
        fixture.Clock.Advance(TimeSpan.FromDays(20));
        var reported = await StepAsync(task, Step(CaseAction.ReportProgress, "Stalls moved off the pavement on two of five streets."));
        fixture.Clock.Advance(TimeSpan.FromDays(32));
        // Read back from its stored state, as after a restart.
        await fixture.Cluster.DeactivateAsync(task);
        var reportLate = (await task.GetAsync())!;
        fixture.Clock.Advance(TimeSpan.FromDays(9));
        await fixture.Watch.CheckAsync();
        var escalated = (await task.GetAsync())!;
        var completed = await StepAsync(task, Step(CaseAction.Complete, "All five streets cleared; photos attached."));
        var releasedOnCompletion = await QueuedAsync(assigned.CaseId);
        var reopened = await StepAsync(task, Step(CaseAction.Reopen, "Stalls are back on Elm Road.") with { Actor = "inspector-3" });
        var heldAfterReopening = await QueuedAsync(assigned.CaseId);
        await StepAsync(task, Step(CaseAction.Complete, "Elm Road cleared again."));
        var confirmed = await StepAsync(task, Step(CaseAction.Confirm) with { Actor = "inspector-3" });

        Assert.Equal((CaseStatusKind.Rectifying, "city-management"), (assigned.Status, assigned.Department));
        Assert.Equal(("deputy-director-wang", dueBy), (assigned.Rectification!.Responsible, assigned.Deadline!.DueAt));
        Assert.StartsWith("Assigned, deputy-director-wang responsible, to city-management.", assigned.History[^1].Note, StringComparison.Ordinal);
        Assert.NotNull(queued);
        Assert.Equal((1, reported.History[^1].At), (reported.Rectification!.ProgressReports, reported.Rectification.LastReportAt));
        Assert.Equal(reported.History[^1].At.AddMonths(1), reported.Rectification.NextReportDue);
        Assert.False(reported.ProgressReportOverdue);
        Assert.True(reportLate.ProgressReportOverdue);
        Assert.Equal(reported.Rectification, reportLate.Rectification);
        Assert.Equal(1, Assert.Single(escalated.History, e => e.EscalationLevel is not null).EscalationLevel);
        Assert.Equal((CaseStatusKind.RectificationSubmitted, true), (completed.Status, completed.Overdue));
        Assert.Null(releasedOnCompletion);
        // Back to work against the deadline it had, which has passed.
        Assert.Equal((CaseStatusKind.Rectifying, dueBy, true, null), (reopened.Status, reopened.Deadline!.DueAt, reopened.Overdue, reopened.Deadline.HandledAt));
        Assert.NotNull(heldAfterReopening);
        Assert.Equal(CaseStatusKind.Rectified, confirmed.Status);
        Assert.Null(await QueuedAsync(assigned.CaseId));
    }

    [Fact]
    public async Task AnAssignment_NeedsAResponsiblePerson_AndAFutureDeadline_AndOtherwiseChangesNothing()
    {
        var task = await ListAsync();

        var nobody = await task.TransitionAsync(Step(CaseAction.Assign));
        var past = await task.TransitionAsync(Step(CaseAction.Assign) with { Responsible = "director-li", DueBy = fixture.Clock.GetUtcNow() - TimeSpan.FromDays(1) });
        var defaulted = await StepAsync(task, Step(CaseAction.Assign) with { Responsible = "director-li" });

        Assert.Equal((CaseChangeOutcome.Invalid, "responsible"), (nobody.Kind, nobody.Field));
        Assert.Equal((CaseChangeOutcome.Invalid, "due_by"), (past.Kind, past.Field));
        Assert.Contains("has passed", past.Refusal, StringComparison.Ordinal);
        Assert.Equal(2, defaulted.History.Length);
        Assert.Equal(TimeSpan.FromDays(90), defaulted.Deadline!.Limit);
    }

    private async Task<ICaseGrain> ListAsync()
    {
        var cell = fixture.Grains.Cell(fixture.City.Cells[^4].Code);
        var report = new IncomingReport($"rectify-{Guid.NewGuid():N}", ReportChannel.GridWorker, "rectification.street-vendors",
            "Inspection item 3: stalls block the pavements of five streets.", null, fixture.Clock.GetUtcNow(), "inspection-team-2") { Kind = CaseKind.Rectification };
        var task = fixture.Grains.Case((await cell.ProcessAsync([report]))[0].CaseId);
        Assert.Equal(CaseStatusKind.RectificationListed, (await task.GetAsync())!.Status);
        return task;
    }

    private static async Task<CaseDetails> StepAsync(ICaseGrain task, CaseTransition step)
    {
        var result = await task.TransitionAsync(step);
        Assert.True(result.Kind == CaseChangeOutcome.Taken, $"{step.Action}: {result.Refusal}");
        return result.Case!;
    }

    private static CaseTransition Step(CaseAction action, string reason = "") => new(action, "supervisor-1", reason, "", "", []);

    private async Task<Contracts.Departments.QueuedCaseInfo?> QueuedAsync(string caseId) =>
        (await fixture.Grains.Department("city-management").GetQueueAsync())!.Value.FirstOrDefault(e => e.CaseId == caseId);
}
