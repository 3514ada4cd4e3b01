using System.Globalization;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Surveys;

/// <summary>Surveys, their samples and results as tables.</summary>
public static class SurveyTables
{
    public static void WriteSurvey(IAnsiConsole console, Survey survey)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(survey);
        var table = new Table().Border(TableBorder.Rounded).Title($"{survey.SurveyId}: {survey.Title}").HideHeaders().AddColumn(string.Empty).AddColumn(string.Empty);
        Row(table, "question", survey.Question);
        Row(table, "area", survey.Area);
        Row(table, "policy", survey.PolicyId.Length == 0 ? "-" : survey.PolicyId);
        Row(table, "closes", $"{survey.ClosesAt.ToDateTimeOffset():yyyy-MM-dd HH:mm} UTC ({(survey.Open ? "open" : "closed")})");
        Row(table, "sampled", $"{survey.Sampled} (seed {survey.Seed})");
        Row(table, "answered", $"{survey.Answered} ({survey.ResponseRate.ToString("0.0%", CultureInfo.InvariantCulture)})");
        Row(table, "mean score", survey.Answered == 0 ? "-" : $"{survey.MeanScore.ToString("0.00", CultureInfo.InvariantCulture)} of 5");
        Row(table, "scores 1-5", string.Join(" / ", survey.ScoreCounts));
        console.Write(table);
    }

    public static void WriteSample(IAnsiConsole console, IEnumerable<SampledResident> residents)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(residents);
        var table = new Table().Border(TableBorder.Rounded).Title("Residents drawn").AddColumn("resident").AddColumn("answered");
        foreach (var resident in residents)
        {
            table.AddRow(new Text(resident.ResidentId), new Text(resident.Answered ? "yes" : "no"));
        }

        console.Write(table);
    }

    public static void WriteList(IAnsiConsole console, IEnumerable<Survey> surveys)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(surveys);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("survey").AddColumn("title").AddColumn("area").AddColumn("policy").AddColumn("sent")
            .AddColumn(new TableColumn("answered").RightAligned()).AddColumn(new TableColumn("mean").RightAligned());
        foreach (var survey in surveys)
        {
            table.AddRow(
                new Text(survey.SurveyId), new Text(survey.Title), new Text(survey.Area), new Text(survey.PolicyId), new Text($"{survey.SentAt.ToDateTimeOffset():yyyy-MM-dd}"),
                new Text($"{survey.Answered} of {survey.Sampled}"), new Text(survey.Answered == 0 ? "-" : survey.MeanScore.ToString("0.00", CultureInfo.InvariantCulture)));
        }

        console.Write(table);
    }

    private static void Row(Table table, string name, string value) => table.AddRow(new Text(name), new Text(value));
}
