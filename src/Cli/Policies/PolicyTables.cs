using System.Globalization;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Policies;

/// <summary>Policies and their scores as tables.</summary>
public static class PolicyTables
{
    public static void WritePolicies(IAnsiConsole console, IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(policies);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("policy").AddColumn("name").AddColumn("runs in").AddColumn("funds (allocated / spent)").AddColumn("complaints tagged");
        foreach (var policy in policies)
        {
            var funds = string.Join(", ", policy.Funds.Select(f => $"{f.Quarter}: {Yuan(f.AllocatedYuan)} / {Yuan(f.SpentYuan)}"));
            table.AddRow(new Text(policy.PolicyId), new Text(policy.Name), new Text(string.Join(", ", policy.Areas)), new Text(funds.Length == 0 ? "-" : funds),
                new Text(policy.ComplaintCategory + "[.*]"));
        }

        console.Write(table);
    }

    public static void WriteScores(IAnsiConsole console, string title, PolicyWeights weights, IEnumerable<PolicyScore> scores)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(scores);
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn(new TableColumn("rank").RightAligned()).AddColumn("policy").AddColumn("quarter").AddColumn(new TableColumn("score").RightAligned())
            .AddColumn(new TableColumn("satisfaction").RightAligned()).AddColumn(new TableColumn("fund use").RightAligned()).AddColumn(new TableColumn("complaint load").RightAligned())
            .AddColumn(new TableColumn("ratings / answers").RightAligned()).AddColumn(new TableColumn("spent / allocated").RightAligned())
            .AddColumn(new TableColumn("complaints per 1,000").RightAligned());
        foreach (var score in scores)
        {
            table.AddRow(
                new Text(score.Rank.ToString(CultureInfo.InvariantCulture)), new Text(score.PolicyId), new Text(score.Quarter), new Text(Number(score.Score)),
                new Text(Part(score.Satisfaction, score.SatisfactionKnown)), new Text(Part(score.FundUse, score.FundUseKnown)), new Text(Part(score.ComplaintLoad, score.ComplaintsKnown)),
                new Text($"{score.CaseRatings} / {score.SurveyAnswers}"), new Text($"{Yuan(score.SpentYuan)} / {Yuan(score.AllocatedYuan)}"),
                new Text(score.ComplaintsKnown ? $"{score.ComplaintsPerThousand.ToString("0.00", CultureInfo.InvariantCulture)} ({score.Complaints} of {score.ResidentsCovered:N0})" : $"- ({score.Complaints})"));
        }

        console.Write(table);
        console.WriteLine(FormattableString.Invariant(
            $"score = {weights.Satisfaction:0.###} × satisfaction + {weights.FundUse:0.###} × fund use + {weights.Complaints:0.###} × complaint load; \"no data\" parts count as 0.5."));
    }

    private static string Part(double value, bool known) => known ? Number(value) : "no data";

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Yuan(long yuan) => yuan.ToString("N0", CultureInfo.InvariantCulture);
}
