using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Contracts.Deadlines;
using Governance.Contracts.Rectification;
using Governance.Grains.Rectification;

namespace Governance.Grains.Tests.Rectification;

/// <summary>
/// The dashboard's counting and order on tasks made by hand, at the edges the API cannot reach on time: a task reported
/// done exactly at its deadline, one done after a postponement moved it, one reopened past its deadline.
/// </summary>
public sealed class RectificationBoardTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly RectificationScope Scope = new("2026-provincial");

    [Fact]
    public void DoneOnTime_IsAtOrBeforeTheDeadlineItLastHad_AndItsShareIsOfEveryTask()
    {
        var due = AsOf.AddDays(-10);
        var exactlyAtDeadline = TaskOf("c1", CaseStatusKind.Rectified, Clock(due) with { HandledAt = due });
        var aSecondLate = TaskOf("c2", CaseStatusKind.RectificationSubmitted, Clock(due) with { HandledAt = due.AddSeconds(1) });
        // Postponed from day -10 to day -5, done on day -7: on time by the deadline it last had.
        var postponed = TaskOf("c3", CaseStatusKind.RectificationSubmitted, Clock(due).PostponeTo(AsOf.AddDays(-5)) with { HandledAt = AsOf.AddDays(-7) });
        // Done on day -12 but reopened: not done, and its clock runs past the deadline again.
        var reopened = TaskOf("c4", CaseStatusKind.Rectifying, (Clock(due) with { HandledAt = due.AddDays(-2) }).Reopen());
        var listed = TaskOf("c5", CaseStatusKind.RectificationListed, null);

        var board = RectificationBoard.Of(Scope, [listed, reopened, postponed, aSecondLate, exactlyAtDeadline], AsOf);

        Assert.Equal((5, 1, 1, 2, 1), (board.Totals.Tasks, board.Totals.Listed, board.Totals.Rectifying, board.Totals.Submitted, board.Totals.Confirmed));
        Assert.Equal((2, 1), (board.Totals.DoneOnTime, board.Totals.Overdue));
        Assert.Equal(2.0 / 5.0, board.Totals.DoneOnTimeShare);
        var byId = board.Tasks.ToDictionary(task => task.CaseId);
        Assert.Equal((true, false, true, false), (byId["c1"].DoneOnTime, byId["c2"].DoneOnTime, byId["c3"].DoneOnTime, byId["c4"].DoneOnTime));
        Assert.Equal((TimeSpan.FromDays(10), (DateTimeOffset?)null), (byId["c4"].OverdueBy!.Value, byId["c4"].CompletedAt));
        Assert.Equal(due.AddSeconds(1), byId["c2"].CompletedAt);
        // Overdue c4; then by deadline: c1 and c2 share day -10 (by case id), c3 day -5; then the unassigned c5.
        Assert.Equal(["c4", "c1", "c2", "c3", "c5"], board.Tasks.Select(task => task.CaseId));
        Assert.Equal("topic-c1", byId["c1"].Topic);
    }

    [Fact]
    public void NoTasks_HaveNoShare()
    {
        var board = RectificationBoard.Of(Scope, [], AsOf);

        Assert.Equal(0, board.Totals.Tasks);
        Assert.Null(board.Totals.DoneOnTimeShare);
    }

    private static CaseDeadline Clock(DateTimeOffset due) => new(DeadlineKind.Coordinated, TimeSpan.FromDays(90), due, null);

    private static (CaseListItem, CaseDetails) TaskOf(string caseId, CaseStatusKind status, CaseDeadline? deadline)
    {
        var category = $"{Scope.CategoryPrefix}topic-{caseId}";
        var row = new CaseListItem(caseId, "cell-1", CaseKind.Rectification, category, status, AsOf.AddDays(-100), $"Item {caseId}", new GeoLocation(0, 0));
        var details = new CaseDetails(caseId, "cell-1", category, $"Item {caseId}", new GeoLocation(0, 0), status, AsOf.AddDays(-100), [], [])
        {
            Kind = CaseKind.Rectification,
            Deadline = deadline,
            Rectification = deadline is null ? null : new RectificationFile { Responsible = "director-li", AssignedAt = AsOf.AddDays(-20) },
        };
        return (row, details);
    }
}
