using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;

namespace Governance.Cli.Surveys;

/// <summary>`governance surveys create | answer | show | list`: satisfaction surveys of a random sample of an area's residents.</summary>
public static class SurveysCommand
{
    public static Command Create(CliConsole console) =>
        new("surveys", "Satisfaction surveys: send one to a random sample of an area's residents, record their answers, and see the results.")
        {
            CreateSurvey(console),
            Answer(console),
            Show(console),
            List(console),
        };

    private static Command CreateSurvey(CliConsole console)
    {
        var title = new Option<string>("--title") { Description = "What it is about.", Required = true, HelpName = "TEXT" };
        var question = new Option<string>("--question") { Description = "The question, answered 1 (very dissatisfied) to 5 (very satisfied).", Required = true, HelpName = "TEXT" };
        var area = new Option<string>("--area") { Description = "The area (or cell) whose residents are sampled.", Required = true, HelpName = "CODE" };
        var policy = new Option<string>("--policy") { Description = "The policy it asks about; its answers feed that policy's score.", HelpName = "ID" };
        var sample = new Option<int>("--sample") { Description = "Residents to draw (default: the server's, 100).", HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seeds the draw so it can be repeated (default: chosen by the server and shown).", HelpName = "N" };
        var closes = new Option<DateTimeOffset>("--closes") { Description = "When it closes (ISO 8601), within a year.", Required = true, HelpName = "TIME" };
        var server = ServerOption.Create();
        var command = new Command("create", "Draw a sample of an area's residents and send them the survey; lists who was drawn.")
        {
            title, question, area, policy, sample, seed, closes, server,
        };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var surveys = new SurveyService.SurveyServiceClient(channel);
            var request = new CreateSurveyRequest
            {
                Title = parse.GetRequiredValue(title),
                Question = parse.GetRequiredValue(question),
                Area = parse.GetRequiredValue(area),
                PolicyId = parse.GetValue(policy) ?? "",
                SampleSize = parse.GetValue(sample),
                Seed = parse.GetValue(seed),
                ClosesAt = Timestamp.FromDateTimeOffset(parse.GetValue(closes)),
            };
            var created = (await surveys.CreateSurveyAsync(request, cancellationToken: cancellationToken)).Survey;
            var drawn = await surveys.ListSurveySampleAsync(new ListSurveySampleRequest { SurveyId = created.SurveyId }, cancellationToken: cancellationToken);
            SurveyTables.WriteSurvey(console.RichOut(), created);
            SurveyTables.WriteSample(console.RichOut(), drawn.Residents);
        }));
        return command;
    }

    private static Command Answer(CliConsole console)
    {
        var id = new Argument<string>("survey") { Description = "The survey's id, e.g. srv-3." };
        var resident = new Option<string>("--resident") { Description = "The resident answering: one of those drawn.", Required = true, HelpName = "ID" };
        var score = new Option<int>("--score") { Description = "1 (very dissatisfied) to 5 (very satisfied).", Required = true, HelpName = "1-5" };
        var comment = new Option<string>("--comment") { Description = "Their words, if any.", HelpName = "TEXT" };
        var server = ServerOption.Create();
        var command = new Command("answer", "Record a sampled resident's answer (once).") { id, resident, score, comment, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new AnswerSurveyRequest
            {
                SurveyId = parse.GetRequiredValue(id), ResidentId = parse.GetRequiredValue(resident), Score = parse.GetValue(score), Comment = parse.GetValue(comment) ?? "",
            };
            var answered = await new SurveyService.SurveyServiceClient(channel).AnswerSurveyAsync(request, cancellationToken: cancellationToken);
            SurveyTables.WriteSurvey(console.RichOut(), answered.Survey);
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("survey") { Description = "The survey's id." };
        var server = ServerOption.Create();
        var command = new Command("show", "A survey's results: response rate, mean score and how many gave each score.") { id, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var found = await new SurveyService.SurveyServiceClient(channel).GetSurveyAsync(new GetSurveyRequest { SurveyId = parse.GetRequiredValue(id) }, cancellationToken: cancellationToken);
            SurveyTables.WriteSurvey(console.RichOut(), found.Survey);
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var area = new Option<string>("--area") { Description = "Surveys of this place or a place inside it.", HelpName = "CODE" };
        var policy = new Option<string>("--policy") { Description = "Surveys about this policy.", HelpName = "ID" };
        var server = ServerOption.Create();
        var command = new Command("list", "Surveys, newest first, with their results.") { area, policy, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new ListSurveysRequest { Area = parse.GetValue(area) ?? "", PolicyId = parse.GetValue(policy) ?? "" };
            var found = await new SurveyService.SurveyServiceClient(channel).ListSurveysAsync(request, cancellationToken: cancellationToken);
            SurveyTables.WriteList(console.RichOut(), found.Surveys);
        }));
        return command;
    }
}
