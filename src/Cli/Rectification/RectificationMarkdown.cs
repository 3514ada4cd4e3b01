using System.Globalization;
using System.Text;
using Governance.Contracts.V1;

namespace Governance.Cli.Rectification;

/// <summary>
/// An inspection's rectification as a one-page Markdown summary for the inspection team: the inspection, area and
/// moment; a totals table; the overdue tasks first, most overdue first; then the rest, in the dashboard's order.
/// </summary>
public static class RectificationMarkdown
{
    public static string Render(GetRectificationDashboardResponse dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var totals = dashboard.Totals ?? new RectificationTotals();
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"# Rectification of inspection {dashboard.Inspection}: {Area(dashboard.Area)}").AppendLine().AppendLine();
        page.Append(CultureInfo.InvariantCulture, $"As of {RectificationText.Time(dashboard.AsOf)}. The tasks are the inspection's feedback items, ")
            .Append(CultureInfo.InvariantCulture, $"the cases of category `rectification.{dashboard.Inspection}.*`.").AppendLine().AppendLine();

        page.AppendLine("## Totals").AppendLine();
        Row(page, "tasks", "confirmed done", "awaiting confirmation", "done on time", "share done on time", "being rectified", "overdue", "not yet assigned");
        page.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Row(page, Count(totals.Tasks), Count(totals.Confirmed), Count(totals.Submitted), Count(totals.DoneOnTime), RectificationText.Share(totals),
            Count(totals.Rectifying), Count(totals.Overdue), Count(totals.Listed));
        page.AppendLine().Append(CultureInfo.InvariantCulture, $"Done on time: reported done at or before the task's deadline (confirmed or awaiting confirmation); ")
            .Append(CultureInfo.InvariantCulture, $"the share is of all {totals.Tasks} tasks. Tasks being rectified whose monthly progress report is late: {totals.ProgressReportsOverdue}.")
            .AppendLine().AppendLine();

        var overdue = dashboard.Tasks.Where(task => task.Overdue).ToList();
        page.Append(CultureInfo.InvariantCulture, $"## Overdue ({overdue.Count})").AppendLine().AppendLine();
        if (overdue.Count == 0)
        {
            page.AppendLine("No task is past its deadline.").AppendLine();
        }
        else
        {
            Row(page, "task", "topic", "item", "responsible", "department", "due", "days overdue", "progress reports");
            page.AppendLine("| --- | --- | --- | --- | --- | --- | ---: | ---: |");
            foreach (var task in overdue)
            {
                Row(page, task.CaseId, task.Topic, task.Headline, task.Responsible, task.Department, RectificationText.Day(task.DueAt),
                    RectificationText.DaysOverdue(task), RectificationText.Reports(task));
            }

            page.AppendLine();
        }

        var rest = dashboard.Tasks.Where(task => !task.Overdue).ToList();
        page.Append(CultureInfo.InvariantCulture, $"## Other tasks ({rest.Count})").AppendLine().AppendLine();
        if (rest.Count == 0)
        {
            page.AppendLine("None.");
            return page.ToString();
        }

        Row(page, "task", "topic", "item", "status", "responsible", "department", "due", "reported done", "progress reports");
        page.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | ---: |");
        foreach (var task in rest)
        {
            Row(page, task.CaseId, task.Topic, task.Headline, RectificationText.Status(task.Status), task.Responsible, task.Department,
                RectificationText.Day(task.DueAt), RectificationText.Completed(task), RectificationText.Reports(task));
        }

        return page.ToString();
    }

    /// <summary>A cell's words as one table cell: a '|' escaped, line breaks as spaces.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static void Row(StringBuilder page, params string[] cells) =>
        page.Append("| ").AppendJoin(" | ", cells.Select(Cell)).AppendLine(" |");

    private static string Area(string area) => area.Length == 0 ? "the whole city" : $"area {area}";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
