using System.Globalization;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Cases;

/// <summary>Cases, steps and queues as readable tables; times in UTC, steps and statuses by their short names.</summary>
public static class CaseTables
{
    private const string ActionPrefix = "CASE_ACTION_";
    private const string StatusPrefix = "CASE_STATUS_";

    /// <summary>The steps by the names the command line takes: register, dispatch, …</summary>
    public static IReadOnlyList<string> ActionNames { get; } =
        [.. Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Unspecified).Select(Name)];

    /// <summary>The statuses by the names the command line takes: reported, registered, …</summary>
    public static IReadOnlyList<string> StatusNames { get; } =
        [.. Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Unspecified).Select(Name)];

    public static CaseStatus? ParseStatus(string text) =>
        Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Unspecified).Select(s => (CaseStatus?)s)
            .FirstOrDefault(s => string.Equals(Name(s!.Value), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public static CaseAction? ParseAction(string text) =>
        Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Unspecified).Select(a => (CaseAction?)a)
            .FirstOrDefault(a => string.Equals(Name(a!.Value), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Name(CaseAction action) => Short(action.ToString(), ActionPrefix, (int)action, typeof(CaseAction));

    public static string Name(CaseStatus status) => Short(status.ToString(), StatusPrefix, (int)status, typeof(CaseStatus));

    public static void WriteCase(IAnsiConsole console, Case found)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(found);
        var facts = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn(string.Empty).AddColumn(string.Empty);
        Fact(facts, "case", found.CaseId);
        Fact(facts, "status", Name(found.Status));
        Fact(facts, "category", found.Category);
        Fact(facts, "cell", found.CellId);
        Fact(facts, "department", found.Department.Length > 0 ? found.Department : "(not dispatched)");
        Fact(facts, "deadline", found.Deadline is null ? "(none: not dispatched)" : Deadline(found.Deadline, found.Overdue));
        Fact(facts, "opened", Time(found.OpenedAt));
        Fact(facts, "description", found.Description);
        console.Write(facts);

        var reporters = new Table().Border(TableBorder.Rounded).Title($"Reporters ({found.Reporters.Count})")
            .AddColumn("reported").AddColumn("reporter").AddColumn("source").AddColumn("external id");
        foreach (var reporter in found.Reporters)
        {
            reporters.AddRow(Cells(Time(reporter.ReportedAt), reporter.ReporterId, reporter.Source.ToString(), reporter.ExternalId));
        }

        console.Write(reporters);
        var history = new Table().Border(TableBorder.Rounded).Title("History")
            .AddColumn("at").AddColumn("step").AddColumn("status after").AddColumn("actor").AddColumn("approver").AddColumn("note");
        foreach (var entry in found.History)
        {
            var note = entry.Evidence.Count == 0 ? entry.Note : $"{entry.Note} Evidence: {string.Join(" ", entry.Evidence)}";
            history.AddRow(Cells(Time(entry.At), entry.Action == CaseAction.Unspecified ? "-" : Name(entry.Action), Name(entry.Status), entry.Actor, entry.Approver, note));
        }

        console.Write(history);
        KindTables.Write(console, found);
        if (found.Ratings.Count > 0)
        {
            var ratings = new Table().Border(TableBorder.Rounded).Title("Ratings").AddColumn("at").AddColumn("reporter").AddColumn(new TableColumn("score").RightAligned()).AddColumn("comment");
            foreach (var rating in found.Ratings)
            {
                ratings.AddRow(Cells(Time(rating.RatedAt), rating.ReporterId, $"{rating.Score}/5", rating.Comment));
            }

            console.Write(ratings);
        }
    }

    public static void WriteStepTaken(IAnsiConsole console, TransitionCaseResponse taken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(taken);
        var last = taken.Case.History[^1];
        console.WriteLine($"Case {taken.Case.CaseId}: {Name(last.Action)} taken; now {Name(taken.Case.Status)}.");
        console.WriteLine(last.Note);
        console.WriteLine(taken.Allowed.Count == 0 ? "No step follows: the case has ended." : $"Next: {string.Join(", ", taken.Allowed.Select(Name))}.");
    }

    public static void WriteQueue(IAnsiConsole console, GetDepartmentQueueResponse queue)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(queue);
        if (queue.Cases.Count == 0)
        {
            console.WriteLine($"The queue of {queue.Department} is empty.");
            return;
        }

        var overdue = queue.Cases.Count(c => c.Overdue);
        var table = new Table().Border(TableBorder.Rounded).Title($"Queue of {queue.Department} ({queue.Cases.Count}, {overdue} overdue)")
            .AddColumn("due").AddColumn("case").AddColumn("status").AddColumn("category").AddColumn("cell").AddColumn("dispatched").AddColumn("escalated");
        foreach (var entry in queue.Cases)
        {
            var due = entry.Deadline?.DueAt is { } dueAt ? Time(dueAt) + (entry.Overdue ? " OVERDUE" : "") : entry.Deadline is null ? "-" : "stopped";
            var escalated = entry.Deadline is { EscalationLevel: > 0 } d ? $"level {d.EscalationLevel}" : "";
            table.AddRow(Cells(due, entry.CaseId, Name(entry.Status), entry.Category, entry.CellId, Time(entry.DispatchedAt), escalated));
        }

        console.Write(table);
    }

    // "committed, 3d: due 2026-12-04 09:00:00 UTC, OVERDUE, escalated to level 1", or the time left while suspended.
    private static string Deadline(CaseDeadline deadline, bool overdue)
    {
        var kind = Short(deadline.Kind.ToString(), "DEADLINE_KIND_", (int)deadline.Kind, typeof(DeadlineKind));
        var parts = new List<string>
        {
            deadline.HandledAt is not null ? $"handled {Time(deadline.HandledAt)}, due {Time(deadline.DueAt)}"
                : deadline.DueAt is not null ? $"due {Time(deadline.DueAt)}"
                : $"stopped while suspended, {Span(deadline.Remaining?.ToTimeSpan() ?? TimeSpan.Zero)} left",
        };
        if (overdue)
        {
            parts.Add(deadline.HandledAt is null ? "OVERDUE" : "LATE");
        }

        if (deadline.EscalationLevel > 0)
        {
            parts.Add($"escalated to level {deadline.EscalationLevel}");
        }

        return $"{kind}, {Span(deadline.Limit.ToTimeSpan())}: {string.Join(", ", parts)}";
    }

    private static string Span(TimeSpan span) =>
        span < TimeSpan.Zero ? $"-{Span(span.Negate())}"
        : span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
        : $"{(int)span.TotalMinutes}m {span.Seconds}s";

    public static void WriteList(IAnsiConsole console, ListCasesResponse page)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Cases.Count == 0)
        {
            console.WriteLine("No case matches.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Cases ({page.Cases.Count}{(page.NextPageToken.Length > 0 ? ", more follow" : "")})")
            // Ids and times are copied from here: they never wrap; the words do.
            .AddColumn(new TableColumn("opened").NoWrap()).AddColumn(new TableColumn("case").NoWrap()).AddColumn(new TableColumn("status").NoWrap())
            .AddColumn("category").AddColumn(new TableColumn("cell").NoWrap()).AddColumn("department").AddColumn("due").AddColumn("headline");
        foreach (var entry in page.Cases)
        {
            var due = entry.DueAt is null ? "" : Minutes(entry.DueAt) + (entry.Overdue ? " OVERDUE" : "");
            table.AddRow(Cells(Minutes(entry.OpenedAt), entry.CaseId, Name(entry.Status), entry.Category, entry.CellId, entry.Department, due, entry.Headline));
        }

        console.Write(table);
        if (page.NextPageToken.Length > 0)
        {
            console.WriteLine($"Next page: --page {page.NextPageToken}");
        }
    }

    private static void Fact(Table table, string name, string value) => table.AddRow(new Text(name), new Text(value));

    internal static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];

    private static string Minutes(Google.Protobuf.WellKnownTypes.Timestamp at) =>
        at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    internal static string Time(Google.Protobuf.WellKnownTypes.Timestamp? at) =>
        at is null ? "" : at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    // "CASE_ACTION_REGISTER" → "register"; a value this version does not know keeps its number.
    internal static string Short(string name, string prefix, int value, Type type)
    {
        var original = type.GetField(name)?.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false)
            .OfType<Google.Protobuf.Reflection.OriginalNameAttribute>().FirstOrDefault()?.Name;
        return original is not null && original.StartsWith(prefix, StringComparison.Ordinal)
            ? original[prefix.Length..].ToLowerInvariant()
            : value.ToString(CultureInfo.InvariantCulture);
    }
}
