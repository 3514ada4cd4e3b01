using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.V1;

namespace Governance.Cli.Rectification;

/// <summary>A dashboard's figures in words, the same in the terminal's tables and the Markdown summary.</summary>
public static class RectificationText
{
    /// <summary>The share done on time as a percentage, e.g. "28.6%"; "-" when there are no tasks.</summary>
    public static string Share(RectificationTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.HasDoneOnTimeShare ? totals.DoneOnTimeShare.ToString("0.0%", CultureInfo.InvariantCulture) : "-";
    }

    /// <summary>Whole days past the deadline, "&lt;1" under a day; empty unless overdue.</summary>
    public static string DaysOverdue(RectificationTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.OverdueBy is null)
        {
            return "";
        }

        var days = (int)task.OverdueBy.ToTimeSpan().TotalDays;
        return days < 1 ? "<1" : days.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How many progress reports were made, and whether the next is late: "2", "0 (report late)".</summary>
    public static string Reports(RectificationTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var made = task.ProgressReports.ToString(CultureInfo.InvariantCulture);
        return task.ProgressReportOverdue ? $"{made} (report late)" : made;
    }

    /// <summary>When it was reported done and whether in time: "2026-03-02 (on time)"; empty before.</summary>
    public static string Completed(RectificationTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.CompletedAt is null ? "" : $"{Day(task.CompletedAt)} ({(task.DoneOnTime ? "on time" : "late")})";
    }

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.RectificationListed => "not yet assigned",
        CaseStatus.Rectifying => "rectifying",
        CaseStatus.RectificationSubmitted => "awaiting confirmation",
        CaseStatus.Rectified => "confirmed done",
        _ => Cases.CaseTables.Name(status),
    };

    /// <summary>A deadline's day, "2026-03-02"; empty when unset.</summary>
    public static string Day(Timestamp? at) => at is null ? "" : at.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment to the minute, "2026-03-02 09:00 UTC"; empty when unset.</summary>
    public static string Time(Timestamp? at) => at is null ? "" : at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
