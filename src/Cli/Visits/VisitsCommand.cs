using System.CommandLine;
using System.Globalization;
using Governance.Cli.CommandLine;
using Governance.Contracts.V1;
using Spectre.Console;

namespace Governance.Cli.Visits;

/// <summary>
/// The grid worker's morning: `governance visits due --worker ID` (or `--cell CELL`) lists whom to visit, most overdue
/// first; `governance visits record RESIDENT_ID --kind KIND --by ID` records a visit and says when the need is next due.
/// </summary>
public static class VisitsCommand
{
    public static Command Create(CliConsole console)
    {
        var worker = new Option<string>("--worker") { Description = "The grid worker whose cells to list.", HelpName = "ID" };
        var cell = new Option<string>("--cell") { Description = "The cell to list.", HelpName = "CELL" };
        var dueServer = ServerOption.Create();
        var due = new Command("due", "List the visits due in the next 24 hours and every overdue one, most overdue first.") { worker, cell, dueServer };
        due.Validators.Add(result =>
        {
            if ((result.GetValue(worker) is { Length: > 0 }) == (result.GetValue(cell) is { Length: > 0 }))
            {
                result.AddError("Give --worker or --cell, one of them.");
            }
        });
        due.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, dueServer), async channel =>
        {
            var listed = await new ResidentService.ResidentServiceClient(channel).ListDueVisitsAsync(
                new ListDueVisitsRequest { WorkerId = parse.GetValue(worker) ?? "", CellId = parse.GetValue(cell) ?? "", PageSize = 200 },
                cancellationToken: cancellationToken);
            WriteDue(console.RichOut(), listed);
        }));

        var resident = new Argument<string>("RESIDENT_ID") { Description = "The resident visited." };
        var kind = new Option<string>("--kind") { Description = "The service given, e.g. \"health check\": it serves the need of that kind.", Required = true, HelpName = "KIND" };
        var by = new Option<string>("--by") { Description = "Who made the visit.", Required = true, HelpName = "ID" };
        var notes = new Option<string>("--notes") { Description = "What was seen and done.", HelpName = "TEXT" };
        var measures = new Option<string[]>("--measure") { Description = "A reading, NAME=VALUE [UNIT], e.g. \"blood pressure=128/84 mmHg\"; may be given more than once.", HelpName = "READING" };
        var recordServer = ServerOption.Create();
        var record = new Command("record", "Record a visit made now.") { resident, kind, by, notes, measures, recordServer };
        record.SetAction((parse, cancellationToken) => ServerCall.RunAsync(console, GatewayTarget.Of(parse, recordServer), async channel =>
        {
            var visit = new Visit
            {
                Kind = parse.GetRequiredValue(kind), VisitedBy = parse.GetRequiredValue(by), Notes = parse.GetValue(notes) ?? "",
                VisitedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            };
            foreach (var reading in parse.GetValue(measures) ?? [])
            {
                var (name, rest) = reading.IndexOf('=', StringComparison.Ordinal) is var at and >= 0 ? (reading[..at], reading[(at + 1)..]) : (reading, "");
                var space = rest.LastIndexOf(' ');
                visit.Measurements.Add(space > 0
                    ? new Measurement { Name = name.Trim(), Value = rest[..space].Trim(), Unit = rest[(space + 1)..].Trim() }
                    : new Measurement { Name = name.Trim(), Value = rest.Trim() });
            }

            var recorded = await new ResidentService.ResidentServiceClient(channel).RecordVisitAsync(
                new RecordVisitRequest { ResidentId = parse.GetRequiredValue(resident), Visit = visit }, cancellationToken: cancellationToken);
            var output = console.RichOut();
            output.WriteLine($"Visit to {parse.GetRequiredValue(resident)} recorded.");
            foreach (var next in recorded.Schedule)
            {
                output.WriteLine($"  {next.Kind} ({Cadence(next.Cadence)}): next due {Time(next.DueAt)}{(next.Overdue ? $", {next.DaysOverdue} days overdue" : "")}");
            }
        }));

        return new Command("visits", "Visits to residents in care: whom to visit, and what was done.") { due, record };
    }

    private static void WriteDue(IAnsiConsole output, ListDueVisitsResponse listed)
    {
        if (listed.Visits.Count == 0)
        {
            output.WriteLine("Nobody is due for a visit.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Visits due ({listed.Visits.Count}{(listed.NextPageToken.Length > 0 ? ", more follow" : "")})")
            .AddColumn(new TableColumn("due").NoWrap()).AddColumn(new TableColumn("overdue").RightAligned()).AddColumn(new TableColumn("resident").NoWrap())
            .AddColumn("name").AddColumn("need").AddColumn("cadence").AddColumn(new TableColumn("cell").NoWrap());
        foreach (var visit in listed.Visits)
        {
            table.AddRow(
                new Text(Time(visit.DueAt)), new Text(visit.Overdue ? $"{visit.DaysOverdue} d" : ""), new Text(visit.ResidentId), new Text(visit.Name),
                new Text(visit.Kind), new Text(Cadence(visit.Cadence)), new Text(visit.CellId));
        }

        output.Write(table);
    }

    private static string Cadence(ServiceCadence cadence) => cadence switch
    {
        ServiceCadence.Daily => "daily",
        ServiceCadence.Weekly => "weekly",
        ServiceCadence.Monthly => "monthly",
        _ => "?",
    };

    private static string Time(Google.Protobuf.WellKnownTypes.Timestamp at) =>
        at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
