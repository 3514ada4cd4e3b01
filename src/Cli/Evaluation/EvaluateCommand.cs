using System.CommandLine;
using System.Globalization;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Evaluation;

/// <summary>`governance evaluate --area CODE | --department CODE --from DAY --to DAY`: how the cases opened in those days were handled.</summary>
public static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var area = new Option<string>("--area") { Description = "A district, street or community code, or a cell id.", HelpName = "CODE" };
        var department = new Option<string>("--department") { Description = "A department's code (instead of --area).", HelpName = "CODE" };
        var from = new Option<string>("--from") { Description = "The first day, YYYY-MM-DD (UTC).", Required = true, HelpName = "DAY" };
        var to = new Option<string>("--to") { Description = "The last day, included, YYYY-MM-DD (UTC).", Required = true, HelpName = "DAY" };
        var server = ServerOption.Create();
        var evaluate = new Command("evaluate", "How the cases opened in a window of days were handled, for a cell, an area or a department.")
        {
            area, department, from, to, server,
        };
        evaluate.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new GetEvaluationRequest
            {
                Area = parse.GetValue(area) ?? "",
                Department = parse.GetValue(department) ?? "",
                FirstDay = parse.GetRequiredValue(from),
                LastDay = parse.GetRequiredValue(to),
            };
            var found = await new EvaluationService.EvaluationServiceClient(channel).GetEvaluationAsync(request, cancellationToken: cancellationToken);
            Write(console.RichOut(), request, found);
        }));
        return evaluate;
    }

    public static void Write(IAnsiConsole console, GetEvaluationRequest request, GetEvaluationResponse found)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(found);
        var scope = request.Department.Length > 0 ? $"department {request.Department}" : request.Area;
        var table = new Table().Border(TableBorder.Rounded).Title($"Evaluation of {scope}, cases opened {request.FirstDay} to {request.LastDay}")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        Row(table, "opened", found.Opened.ToString(CultureInfo.InvariantCulture));
        Row(table, "registered", found.Registered.ToString(CultureInfo.InvariantCulture));
        Row(table, "closed", found.Closed.ToString(CultureInfo.InvariantCulture));
        Row(table, "registration rate", Percent(found.HasRegistrationRate, found.RegistrationRate));
        Row(table, "closure rate", Percent(found.HasClosureRate, found.ClosureRate));
        Row(table, "on-time closure rate", Percent(found.HasOnTimeClosureRate, found.OnTimeClosureRate));
        Row(table, "rework rate", Percent(found.HasReworkRate, found.ReworkRate));
        Row(table, "postponement rate", Percent(found.HasPostponementRate, found.PostponementRate));
        Row(table, "report to dispatch, median / p90", Span(found.ReportToDispatchMedian, found.ReportToDispatchP90));
        Row(table, "dispatch to close, median / p90", Span(found.DispatchToCloseMedian, found.DispatchToCloseP90));
        Row(table, "satisfaction", found.HasMeanSatisfaction
            ? $"{found.MeanSatisfaction.ToString("0.00", CultureInfo.InvariantCulture)} of 5 ({found.Ratings} ratings)"
            : "-");
        if (request.Area.Length > 0)
        {
            Row(table, "survey satisfaction", found.HasSurveySatisfaction
                ? $"{found.SurveySatisfaction.ToString("0.00", CultureInfo.InvariantCulture)} of 5 ({found.SurveyAnswers} answers to {found.Surveys} surveys)"
                : found.Surveys > 0 ? $"- ({found.Surveys} surveys, no answers yet)" : "-");
        }

        console.Write(table);
    }

    private static void Row(Table table, string name, string value) => table.AddRow(new Text(name), new Text(value));

    private static string Percent(bool present, double rate) => present ? rate.ToString("0.0%", CultureInfo.InvariantCulture) : "-";

    private static string Span(Google.Protobuf.WellKnownTypes.Duration? median, Google.Protobuf.WellKnownTypes.Duration? p90) =>
        median is null || p90 is null ? "-" : $"{Minutes(median)} / {Minutes(p90)}";

    private static string Minutes(Google.Protobuf.WellKnownTypes.Duration duration)
    {
        var span = duration.ToTimeSpan();
        return span.TotalHours >= 24 ? $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m"
            : span.TotalMinutes >= 60 ? $"{(int)span.TotalHours}h {span.Minutes}m"
            : $"{(int)span.TotalMinutes}m";
    }
}
