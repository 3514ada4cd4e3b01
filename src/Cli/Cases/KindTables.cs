using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Cases;

/// <summary>What a welfare application or a rectification task holds beside its history, as tables under the case.</summary>
public static class KindTables
{
    private const string DocumentPrefix = "DOCUMENT_KIND_";

    /// <summary>Document kinds by the names the command line takes: id_card, household_register, …</summary>
    public static IReadOnlyList<string> DocumentNames { get; } =
        [.. Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.Unspecified).Select(Name)];

    public static string Name(DocumentKind kind) => CaseTables.Short(kind.ToString(), DocumentPrefix, (int)kind, typeof(DocumentKind));

    /// <summary>A document given as KIND=URL, e.g. "income_proof=https://…"; null when the kind is not one.</summary>
    public static CaseDocument? ParseDocument(string text)
    {
        var split = text.IndexOf('=', StringComparison.Ordinal);
        var name = split < 0 ? text : text[..split];
        var kind = Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.Unspecified).Select(k => (DocumentKind?)k)
            .FirstOrDefault(k => string.Equals(Name(k!.Value), name.Trim(), StringComparison.OrdinalIgnoreCase));
        return kind is null || split < 0 ? null : new CaseDocument { Kind = kind.Value, Link = text[(split + 1)..].Trim() };
    }

    public static void Write(IAnsiConsole console, Case found)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(found);
        if (found.Welfare is { } welfare)
        {
            WriteWelfare(console, welfare);
        }

        if (found.Rectification is { } task)
        {
            var facts = new Table().Border(TableBorder.Rounded).Title("Rectification").HideHeaders().AddColumn(string.Empty).AddColumn(string.Empty);
            facts.AddRow(CaseTables.Cells("responsible", task.Responsible));
            facts.AddRow(CaseTables.Cells("assigned", CaseTables.Time(task.AssignedAt)));
            facts.AddRow(CaseTables.Cells("progress reports", $"{task.ProgressReports}, the latest {(task.LastReportAt is null ? "none yet" : CaseTables.Time(task.LastReportAt))}"));
            facts.AddRow(CaseTables.Cells("next report due", CaseTables.Time(task.NextReportDue) + (task.ReportOverdue ? " OVERDUE" : "")));
            console.Write(facts);
        }
    }

    private static void WriteWelfare(IAnsiConsole console, WelfareFile welfare)
    {
        var documents = new Table().Border(TableBorder.Rounded)
            .Title(welfare.MissingDocuments.Count == 0 ? "Documents (all required ones in)" : $"Documents (missing: {string.Join(", ", welfare.MissingDocuments.Select(Name))})")
            .AddColumn("submitted").AddColumn("kind").AddColumn("by").AddColumn("link");
        foreach (var document in welfare.Documents)
        {
            documents.AddRow(CaseTables.Cells(CaseTables.Time(document.SubmittedAt), Name(document.Kind), document.SubmittedBy, document.Link));
        }

        console.Write(documents);
        if (welfare.Approvals.Count > 0)
        {
            var approvals = new Table().Border(TableBorder.Rounded).Title("Departments' checks")
                .AddColumn("department").AddColumn("decision").AddColumn("by").AddColumn("at").AddColumn("reason");
            foreach (var approval in welfare.Approvals)
            {
                var decision = CaseTables.Short(approval.Decision.ToString(), "APPROVAL_DECISION_", (int)approval.Decision, typeof(ApprovalDecision));
                approvals.AddRow(CaseTables.Cells(approval.Department, decision, approval.DecidedBy, CaseTables.Time(approval.DecidedAt), approval.Reason));
            }

            console.Write(approvals);
        }

        if (welfare.FirstReviewer.Length > 0 || welfare.NoticeEndsAt is not null)
        {
            console.WriteLine($"Reviews: first by {Or(welfare.FirstReviewer)}, second by {Or(welfare.SecondReviewer)}."
                + (welfare.NoticeEndsAt is null ? "" : $" Public notice until {CaseTables.Time(welfare.NoticeEndsAt)}."));
        }
    }

    private static string Or(string who) => who.Length > 0 ? who : "(not yet)";
}
