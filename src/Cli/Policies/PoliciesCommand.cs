using System.CommandLine;
using System.Globalization;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Policies;

/// <summary>
/// `governance policies define | funds | list | rank | history`: define the township's policies, record their money,
/// and score them per quarter, as tables and, with --chart, a bar chart PNG.
/// </summary>
public static class PoliciesCommand
{
    public static Command Create(CliConsole console) =>
        new("policies", "Policy evaluation: define policies and their funds, rank them by score for a quarter, and follow one policy's score quarter by quarter.")
        {
            Define(console),
            Funds(console),
            List(console),
            Rank(console),
            History(console),
        };

    private static Command Define(CliConsole console)
    {
        var id = new Argument<string>("policy") { Description = "The policy's id, e.g. toilet-renovation; its cases are tagged policy.<id>." };
        var name = new Option<string>("--name") { Description = "Its name.", Required = true, HelpName = "TEXT" };
        var areas = new Option<string[]>("--area") { Description = "Where it runs: an area code or cell id; give it once per place.", Required = true, HelpName = "CODE", AllowMultipleArgumentsPerToken = true };
        var server = ServerOption.Create();
        var command = new Command("define", "Define a policy, or change its name and places (its funds stay).") { id, name, areas, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new DefinePolicyRequest { PolicyId = parse.GetRequiredValue(id), Name = parse.GetRequiredValue(name), Areas = { parse.GetRequiredValue(areas) } };
            var defined = await new PolicyService.PolicyServiceClient(channel).DefinePolicyAsync(request, cancellationToken: cancellationToken);
            PolicyTables.WritePolicies(console.RichOut(), [defined.Policy]);
        }));
        return command;
    }

    private static Command Funds(CliConsole console)
    {
        var id = new Argument<string>("policy") { Description = "The policy's id." };
        var quarter = QuarterOption(required: true);
        var allocated = new Option<long>("--allocated") { Description = "Yuan allocated to it for the quarter.", Required = true, HelpName = "YUAN" };
        var spent = new Option<long>("--spent") { Description = "Yuan spent of them.", Required = true, HelpName = "YUAN" };
        var server = ServerOption.Create();
        var command = new Command("funds", "Record a quarter's funds of a policy, replacing what was recorded for that quarter.") { id, quarter, allocated, spent, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new RecordPolicyFundsRequest
            {
                PolicyId = parse.GetRequiredValue(id),
                Funds = new PolicyFunds { Quarter = parse.GetRequiredValue(quarter), AllocatedYuan = parse.GetValue(allocated), SpentYuan = parse.GetValue(spent) },
            };
            var recorded = await new PolicyService.PolicyServiceClient(channel).RecordPolicyFundsAsync(request, cancellationToken: cancellationToken);
            PolicyTables.WritePolicies(console.RichOut(), [recorded.Policy]);
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var server = ServerOption.Create();
        var command = new Command("list", "List the policies, where they run and their funds.") { server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var found = await new PolicyService.PolicyServiceClient(channel).ListPoliciesAsync(new ListPoliciesRequest(), cancellationToken: cancellationToken);
            PolicyTables.WritePolicies(console.RichOut(), found.Policies);
        }));
        return command;
    }

    private static Command Rank(CliConsole console)
    {
        var quarter = QuarterOption(required: true);
        var weights = WeightsOption();
        var chart = ChartOption();
        var server = ServerOption.Create();
        var command = new Command("rank", "Every policy's score for a quarter, best first, with the parts it is made of.") { quarter, weights, chart, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new RankPoliciesRequest { Quarter = parse.GetRequiredValue(quarter), Weights = parse.GetValue(weights) };
            var ranked = await new PolicyService.PolicyServiceClient(channel).RankPoliciesAsync(request, cancellationToken: cancellationToken);
            PolicyTables.WriteScores(console.RichOut(), $"Policy scores, {ranked.Quarter}", ranked.Weights, ranked.Scores);
            if (parse.GetValue(chart) is { } file)
            {
                PolicyChart.Ranking(file.FullName, ranked);
                console.RichOut().WriteLine($"Chart written to {file.FullName}.");
            }
        }));
        return command;
    }

    private static Command History(CliConsole console)
    {
        var id = new Argument<string>("policy") { Description = "The policy's id." };
        var from = new Option<string>("--from") { Description = "The first quarter, e.g. 2026-Q1.", Required = true, HelpName = "QUARTER" };
        var to = new Option<string>("--to") { Description = "The last quarter (default: the current one).", HelpName = "QUARTER" };
        var weights = WeightsOption();
        var chart = ChartOption();
        var server = ServerOption.Create();
        var command = new Command("history", "One policy's score in each quarter of a range, with its rank in each.") { id, from, to, weights, chart, server };
        command.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, server), async channel =>
        {
            var request = new GetPolicyHistoryRequest
            {
                PolicyId = parse.GetRequiredValue(id), FirstQuarter = parse.GetRequiredValue(from), LastQuarter = parse.GetValue(to) ?? "", Weights = parse.GetValue(weights),
            };
            var history = await new PolicyService.PolicyServiceClient(channel).GetPolicyHistoryAsync(request, cancellationToken: cancellationToken);
            PolicyTables.WriteScores(console.RichOut(), $"Score of {history.PolicyId} by quarter", history.Weights, history.Quarters);
            if (parse.GetValue(chart) is { } file)
            {
                PolicyChart.History(file.FullName, history);
                console.RichOut().WriteLine($"Chart written to {file.FullName}.");
            }
        }));
        return command;
    }

    private static Option<string> QuarterOption(bool required) =>
        new("--quarter") { Description = "The quarter, e.g. 2026-Q3 (UTC).", Required = required, HelpName = "QUARTER" };

    private static Option<FileInfo> ChartOption() =>
        new("--chart") { Description = "Also draw the scores as a bar chart, to this PNG file.", HelpName = "FILE" };

    // "0.4,0.3,-0.3": satisfaction, fund use, complaints; the server checks their range.
    private static Option<PolicyWeights?> WeightsOption() => new("--weights")
    {
        Description = "Weights of satisfaction, fund use and complaints, e.g. 0.5,0.3,-0.2 (default: the server's).",
        HelpName = "S,F,C",
        CustomParser = result =>
        {
            var parts = result.Tokens.Count == 1 ? result.Tokens[0].Value.Split(',') : [];
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null).ToArray();
            if (numbers.Length != 3 || numbers.Any(n => n is null))
            {
                result.AddError("--weights: give three numbers separated by commas, satisfaction,fund-use,complaints (e.g. 0.4,0.3,-0.3).");
                return null;
            }

            return new PolicyWeights { Satisfaction = numbers[0]!.Value, FundUse = numbers[1]!.Value, Complaints = numbers[2]!.Value };
        },
    };
}
