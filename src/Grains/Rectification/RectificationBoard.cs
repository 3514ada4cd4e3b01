using System.Collections.Immutable;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.Rectification;

namespace Governance.Grains.Rectification;

/// <summary>
/// An inspection's tasks counted and ordered as of one moment. "Done on time" is read from the task's clock: reported
/// done (the clock stopped, <c>HandledAt</c>) at or before the due time it last had (<c>DueAt</c>, which an approved
/// postponement moves); the share of them is of every task, unfinished ones included.
/// </summary>
public static class RectificationBoard
{
    /// <summary>The dashboard of <paramref name="tasks"/> (each case with its list row, for the headline) as of <paramref name="asOf"/>.</summary>
    public static RectificationDashboard Of(RectificationScope scope, IEnumerable<(CaseListItem Row, CaseDetails Case)> tasks, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(tasks);
        var lines = tasks.Select(task => Line(scope, task.Row, task.Case, asOf))
            .OrderBy(Group)
            .ThenBy(line => line.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(line => line.CaseId, StringComparer.Ordinal)
            .ToImmutableArray();
        var totals = new RectificationTotals
        {
            Tasks = lines.Length,
            Listed = lines.Count(line => line.Status == CaseStatusKind.RectificationListed),
            Rectifying = lines.Count(line => line.Status == CaseStatusKind.Rectifying),
            Submitted = lines.Count(line => line.Status == CaseStatusKind.RectificationSubmitted),
            Confirmed = lines.Count(line => line.Status == CaseStatusKind.Rectified),
            Overdue = lines.Count(line => line.Overdue),
            DoneOnTime = lines.Count(line => line.DoneOnTime),
            ProgressReportsOverdue = lines.Count(line => line.ProgressReportOverdue),
        };
        return new RectificationDashboard(asOf, totals, lines);
    }

    // Overdue first, then those with a deadline, then those not yet assigned.
    private static int Group(RectificationTaskLine line) => line.Overdue ? 0 : line.DueAt is not null ? 1 : 2;

    private static RectificationTaskLine Line(RectificationScope scope, CaseListItem row, CaseDetails details, DateTimeOffset asOf)
    {
        var deadline = details.Deadline;
        var rectifying = details.Status == CaseStatusKind.Rectifying;
        var done = details.Status is CaseStatusKind.RectificationSubmitted or CaseStatusKind.Rectified;
        var due = details.Status == CaseStatusKind.RectificationListed ? null : deadline?.DueAt;
        var completedAt = done ? deadline?.HandledAt : null;
        var file = details.Rectification;
        var nextReport = rectifying ? file?.NextReportDue : null;
        return new RectificationTaskLine(
            details.CaseId,
            details.CellId,
            details.Category,
            details.Category.StartsWith(scope.CategoryPrefix, StringComparison.Ordinal) ? details.Category[scope.CategoryPrefix.Length..] : details.Category,
            row.Headline,
            details.Status)
        {
            Responsible = file?.Responsible ?? "",
            Department = details.Department,
            DueAt = due,
            OverdueBy = rectifying && deadline is { HandledAt: null } && due is { } dueAt && asOf > dueAt ? asOf - dueAt : null,
            ProgressReports = file?.ProgressReports ?? 0,
            LastReportAt = file?.LastReportAt,
            NextReportDue = nextReport,
            ProgressReportOverdue = nextReport is { } reportDue && asOf > reportDue,
            CompletedAt = completedAt,
            DoneOnTime = completedAt is { } completed && due is { } deadlineAt && completed <= deadlineAt,
        };
    }
}
