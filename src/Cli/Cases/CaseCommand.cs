using System.CommandLine;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;

namespace Governance.Cli.Cases;

/// <summary>
/// The dispatcher's verbs: `governance case show CASE_ID`, `governance case step CASE_ID ACTION --actor …`,
/// `governance case list …` (<see cref="CaseListCommand"/>) and `governance queue DEPARTMENT`. A refusal by the server prints its reason and exits with <see cref="ExitCodes.Failed"/>.
/// </summary>
public static class CaseCommand
{
    public static Command CreateCase(CliConsole console)
    {
        var show = new Command("show", "Show a case: where it stands, who reported it, every step taken and its ratings.");
        var showId = CaseIdArgument();
        var showServer = ServerOption.Create();
        show.Add(showId);
        show.Add(showServer);
        show.SetAction((parse, cancellationToken) => RunAsync(console, GatewayTarget.Of(parse, showServer), async cases =>
        {
            var found = await cases.GetCaseAsync(new GetCaseRequest { CaseId = parse.GetRequiredValue(showId) }, cancellationToken: cancellationToken);
            CaseTables.WriteCase(console.RichOut(), found.Case);
        }));

        var step = new Command("step", "Take one step of a case's lifecycle (for an incident: register, dispatch, handle, verify, close, evaluate; reject, rework, postpone, suspend, resume, return; other kinds have steps of their own).");
        var stepId = CaseIdArgument();
        var action = new Argument<CaseAction>("ACTION")
        {
            Description = "The step: " + string.Join(", ", CaseTables.ActionNames),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (CaseTables.ParseAction(text) is { } parsed)
                {
                    return parsed;
                }

                result.AddError($"ACTION: '{text}' is not a step; one of {string.Join(", ", CaseTables.ActionNames)}.");
                return CaseAction.Unspecified;
            },
        };
        var actor = new Option<string>("--actor") { Description = "Who takes the step.", Required = true, HelpName = "ID" };
        var reason = new Option<string>("--reason") { Description = "Why (reject, rework, postpone, suspend, return, and a dispatch elsewhere than the rules say).", HelpName = "TEXT" };
        var approver = new Option<string>("--approver") { Description = "Who approved it (postpone, suspend, return).", HelpName = "ID" };
        var department = new Option<string>("--department") { Description = "Dispatch to this department instead of the one the rules give (needs --reason).", HelpName = "CODE" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "For postpone: the new due time (ISO 8601, e.g. 2026-12-05T09:00Z); one more handling limit if left out.", HelpName = "TIME" };
        var evidence = new Option<string[]>("--evidence") { Description = "A link to a photo or document; may be given more than once.", HelpName = "URL" };
        var documents = new Option<CaseDocument[]>("--document")
        {
            Description = $"For submit_documents: a document as KIND=URL, KIND one of {string.Join(", ", KindTables.DocumentNames)}; may be given more than once.",
            HelpName = "KIND=URL",
            CustomParser = result =>
            {
                var parsed = new List<CaseDocument>();
                foreach (var token in result.Tokens)
                {
                    if (KindTables.ParseDocument(token.Value) is { } document)
                    {
                        parsed.Add(document);
                    }
                    else
                    {
                        result.AddError($"--document: '{token.Value}' is not KIND=URL with KIND one of {string.Join(", ", KindTables.DocumentNames)}.");
                    }
                }

                return [.. parsed];
            },
        };
        var responsible = new Option<string>("--responsible") { Description = "For assign: the person responsible for the rectification.", HelpName = "ID" };
        var dueBy = new Option<DateTimeOffset?>("--due-by") { Description = "For assign: the rectification's deadline (ISO 8601); the category's limit if left out.", HelpName = "TIME" };
        var stepServer = ServerOption.Create();
        step.Add(stepId);
        step.Add(action);
        step.Add(actor);
        step.Add(reason);
        step.Add(approver);
        step.Add(department);
        step.Add(until);
        step.Add(evidence);
        step.Add(documents);
        step.Add(responsible);
        step.Add(dueBy);
        step.Add(stepServer);
        step.SetAction((parse, cancellationToken) => RunAsync(console, GatewayTarget.Of(parse, stepServer), async cases =>
        {
            var request = new TransitionCaseRequest
            {
                CaseId = parse.GetRequiredValue(stepId),
                Action = parse.GetRequiredValue(action),
                Actor = parse.GetRequiredValue(actor),
                Reason = parse.GetValue(reason) ?? "",
                Approver = parse.GetValue(approver) ?? "",
                Department = parse.GetValue(department) ?? "",
                Evidence = { parse.GetValue(evidence) ?? [] },
                PostponeUntil = parse.GetValue(until) is { } due ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(due) : null,
                Documents = { parse.GetValue(documents) ?? [] },
                Responsible = parse.GetValue(responsible) ?? "",
                DueBy = parse.GetValue(dueBy) is { } deadline ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(deadline) : null,
            };
            var taken = await cases.TransitionCaseAsync(request, cancellationToken: cancellationToken);
            CaseTables.WriteStepTaken(console.RichOut(), taken);
        }));

        return new Command("case", "Look at, list and move cases along the closed loop.") { show, step, CaseListCommand.Create(console) };
    }

    public static Command CreateQueue(CliConsole console)
    {
        var code = new Argument<string>("DEPARTMENT") { Description = "The department's code, as the routing rules list it (e.g. roads)." };
        var server = ServerOption.Create();
        var queue = new Command("queue", "List a department's queue: the cases dispatched to it and not yet handled, soonest due (most overdue) first.") { code, server };
        queue.SetAction((parse, cancellationToken) => RunAsync(console, GatewayTarget.Of(parse, server), async cases =>
        {
            var found = await cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = parse.GetRequiredValue(code) }, cancellationToken: cancellationToken);
            CaseTables.WriteQueue(console.RichOut(), found);
        }));
        return queue;
    }

    private static Argument<string> CaseIdArgument() => new("CASE_ID") { Description = "The case id, as an ack or a list gives it." };

    // One call to the case service; what it refuses is printed with its reason (ServerCall).
    internal static Task<int> RunAsync(CliConsole console, GatewayTarget server, Func<CaseService.CaseServiceClient, Task> call) =>
        ServerCall.RunAsync(console, server, channel => call(new CaseService.CaseServiceClient(channel)));
}
