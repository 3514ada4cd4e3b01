using System.Globalization;
using Governance.Cli.Cases;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Rectification;

/// <summary>An inspection's rectification dashboard as tables: the totals, then every task, overdue first.</summary>
public static class RectificationTables
{
    public static void Write(IAnsiConsole console, GetRectificationDashboardResponse dashboard)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(dashboard);
        var totals = dashboard.Totals ?? new RectificationTotals();
        var scope = dashboard.Area.Length == 0 ? "the whole city" : dashboard.Area;
        // On a line of its own: a table's title wraps at the table's width, and this one is narrow.
        console.WriteLine($"Rectification of {dashboard.Inspection}, {scope}, as of {RectificationText.Time(dashboard.AsOf)}");
        var figures = new Table().Border(TableBorder.Rounded).Title("Totals")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        Figure(figures, "tasks", Count(totals.Tasks));
        Figure(figures, "not yet assigned", Count(totals.Listed));
        Figure(figures, "being rectified", Count(totals.Rectifying));
        Figure(figures, "overdue", Count(totals.Overdue));
        Figure(figures, "awaiting confirmation", Count(totals.Submitted));
        Figure(figures, "confirmed done", Count(totals.Confirmed));
        Figure(figures, "done on time", $"{Count(totals.DoneOnTime)} of {Count(totals.Tasks)} ({RectificationText.Share(totals)})");
        Figure(figures, "progress reports late", Count(totals.ProgressReportsOverdue));
        console.Write(figures);
        if (dashboard.Tasks.Count == 0)
        {
            console.WriteLine($"No task of inspection {dashboard.Inspection} here.");
            return;
        }

        // Seven columns fit the 120 a redirected table gets: the state, lateness and completion share one.
        var tasks = new Table().Border(TableBorder.Rounded).Title($"Tasks ({dashboard.Tasks.Count}, {totals.Overdue} overdue)")
            .AddColumn(new TableColumn("case").NoWrap()).AddColumn("topic").AddColumn(new TableColumn("state").NoWrap()).AddColumn("responsible")
            .AddColumn("department").AddColumn(new TableColumn("due").NoWrap()).AddColumn(new TableColumn("reports").RightAligned());
        foreach (var task in dashboard.Tasks)
        {
            tasks.AddRow(CaseTables.Cells(task.CaseId, task.Topic, State(task), task.Responsible, task.Department, RectificationText.Day(task.DueAt), RectificationText.Reports(task)));
        }

        console.Write(tasks);
    }

    // "OVERDUE 2d", "rectifying", "submitted (on time)", "confirmed (late)", "listed".
    private static string State(RectificationTask task) => task.Status switch
    {
        _ when task.Overdue => $"OVERDUE {RectificationText.DaysOverdue(task)}d",
        CaseStatus.RectificationListed => "listed",
        CaseStatus.RectificationSubmitted => $"submitted ({(task.DoneOnTime ? "on time" : "late")})",
        CaseStatus.Rectified => $"confirmed ({(task.DoneOnTime ? "on time" : "late")})",
        _ => RectificationText.Status(task.Status),
    };

    private static void Figure(Table table, string name, string value) => table.AddRow(new Text(name), new Text(value));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
