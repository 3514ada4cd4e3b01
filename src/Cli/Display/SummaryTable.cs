using System.Globalization;
using Governance.Cli.Replay;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Governance.Cli.Display;

/// <summary>The closing account of a replay: what was read, sent and answered, and every reason a row was not taken.</summary>
public static class SummaryTable
{
    /// <summary>Reasons shown per table; the rest are counted in one line (the rejects file has them all).</summary>
    public const int MaxReasons = 15;

    public static void Write(IAnsiConsole console, ReplaySummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(summary);
        var numbers = summary.Numbers;
        console.WriteLine(summary.Title);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders()
            .AddColumn(string.Empty).AddColumn(new TableColumn(string.Empty).RightAligned()).AddColumn(string.Empty);
        Row(table, "rows read", numbers.RowsRead);
        Row(table, "rejected here", numbers.RejectedLocally, "not sent: the row cannot be a report");
        Row(table, "sent", numbers.Sent);
        Row(table, "acknowledged", numbers.Acknowledged);
        Row(table, "  created", numbers.Created, "a new case each");
        Row(table, "  merged", numbers.Merged, $"into {Count(numbers.MergedIntoCases)} distinct cases");
        Row(table, "  retries", numbers.Retries, "taken before: same source and external id");
        Row(table, "  rejected by the server", numbers.RejectedByServer);
        if (numbers.OtherOutcomes > 0)
        {
            Row(table, "  other outcomes", numbers.OtherOutcomes, "unknown to this version of the tool");
        }

        table.AddRow(new Text("elapsed"), new Text(Seconds(numbers.Elapsed)), new Text(string.Empty));
        table.AddRow(new Text("reports/s"), new Text(numbers.ReportsPerSecond.ToString("N0", CultureInfo.InvariantCulture)), new Text("acknowledged per second"));
        console.Write(table);

        Reasons(console, "Rejected here (not sent)", numbers.LocalReasons);
        Reasons(console, "Rejected by the server", numbers.ServerReasons);
        foreach (var note in summary.Notes)
        {
            console.WriteLine(note);
        }
    }

    private static void Reasons(IAnsiConsole console, string title, IReadOnlyList<ReasonCount> reasons)
    {
        if (reasons.Count == 0)
        {
            return;
        }

        console.WriteLine(title);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("field").AddColumn("reason").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var reason in reasons.Take(MaxReasons))
        {
            table.AddRow(new Text(reason.Field), new Text(reason.Reason), new Text(Count(reason.Rows)));
        }

        if (reasons.Count > MaxReasons)
        {
            var rest = reasons.Skip(MaxReasons).ToList();
            table.AddRow(new Text("…"), new Text($"{rest.Count} more reasons (all are in the --rejects file)"), new Text(Count(rest.Sum(r => r.Rows))));
        }

        console.Write(table);
    }

    private static void Row(Table table, string label, long value, string note = "") =>
        table.AddRow(new IRenderable[] { new Text(label), new Text(Count(value)), new Text(note) });

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString(elapsed.TotalSeconds < 10 ? "0.00" : "N1", CultureInfo.InvariantCulture) + " s";
}
