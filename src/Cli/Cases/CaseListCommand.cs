using System.CommandLine;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;

namespace Governance.Cli.Cases;

/// <summary>
/// `governance case list`: the cases the filters ask for, one page at a time, as a table; the next page's token is
/// printed under it, for --page.
/// </summary>
public static class CaseListCommand
{
    private static readonly Dictionary<string, CaseListSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["newest"] = CaseListSort.NewestFirst,
        ["oldest"] = CaseListSort.OldestFirst,
        ["due"] = CaseListSort.SoonestDue,
    };

    public static Command Create(CliConsole console)
    {
        var area = new Option<string>("--area") { Description = "A district, street or community code, or a cell id.", HelpName = "CODE" };
        var statuses = new Option<CaseStatus[]>("--status")
        {
            Description = "Only cases in this status; may be given more than once. One of " + string.Join(", ", CaseTables.StatusNames) + ".",
            HelpName = "STATUS",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result =>
            {
                var parsed = new List<CaseStatus>();
                foreach (var token in result.Tokens)
                {
                    if (CaseTables.ParseStatus(token.Value) is { } status)
                    {
                        parsed.Add(status);
                    }
                    else
                    {
                        result.AddError($"--status: '{token.Value}' is not a status; one of {string.Join(", ", CaseTables.StatusNames)}.");
                    }
                }

                return [.. parsed];
            },
        };
        var category = new Option<string>("--category") { Description = "A category code, or prefix.* for every code under it (e.g. water.*).", HelpName = "CODE" };
        var department = new Option<string>("--department") { Description = "Only cases last dispatched to this department.", HelpName = "CODE" };
        var overdue = new Option<bool>("--overdue") { Description = "Only cases past due and not yet handled." };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only cases opened at or after this time (ISO 8601).", HelpName = "TIME" };
        var before = new Option<DateTimeOffset?>("--before") { Description = "Only cases opened before this time (ISO 8601).", HelpName = "TIME" };
        var sort = new Option<string>("--sort") { Description = "newest (the default), oldest, or due (soonest due first, the most overdue at the top).", HelpName = "ORDER" };
        sort.AcceptOnlyFromAmong([.. Sorts.Keys]);
        var pageSize = new Option<int>("--page-size") { Description = "Cases per page, 1 to 200.", HelpName = "N", DefaultValueFactory = _ => 50 };
        var page = new Option<string>("--page") { Description = "The token a page printed, for the page after it (same filters).", HelpName = "TOKEN" };
        var server = ServerOption.Create();
        var list = new Command("list", "List cases, newest first unless --sort says otherwise, filtered by area, status, category, department, overdue and time opened.")
        {
            area, statuses, category, department, overdue, since, before, sort, pageSize, page, server,
        };
        list.SetAction((parse, cancellationToken) => CaseCommand.RunAsync(console, GatewayTarget.Of(parse, server), async cases =>
        {
            var request = new ListCasesRequest
            {
                Area = parse.GetValue(area) ?? "",
                Statuses = { parse.GetValue(statuses) ?? [] },
                Category = parse.GetValue(category) ?? "",
                Department = parse.GetValue(department) ?? "",
                OverdueOnly = parse.GetValue(overdue),
                OpenedFrom = parse.GetValue(since) is { } from ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(from) : null,
                OpenedBefore = parse.GetValue(before) is { } until ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(until) : null,
                Sort = parse.GetValue(sort) is { } order ? Sorts[order] : CaseListSort.NewestFirst,
                PageSize = parse.GetValue(pageSize),
                PageToken = parse.GetValue(page) ?? "",
            };
            var found = await cases.ListCasesAsync(request, cancellationToken: cancellationToken);
            CaseTables.WriteList(console.RichOut(), found);
        }));
        return list;
    }
}
