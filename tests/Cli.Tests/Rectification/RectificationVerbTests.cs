using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.Cli.CommandLine;
using Governance.Cli.Rectification;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;
using Governance.TestSupport;

namespace Governance.Cli.Tests.Rectification;

/// <summary>
/// `governance rectification` against the real application, its city clock moved 12 days on: the dashboard as tables and
/// the one-page Markdown summary, with figures worked out by hand; what the server refuses.
/// </summary>
public sealed class RectificationVerbTests
{
    [Fact]
    public async Task Rectification_PrintsTheTables_AndWritesTheSummary_OverdueFirst_WithCellsEscaped()
    {
        var cityTime = new ShiftedClock();
        await using var server = await CityServer.StartBostonAsync(cityTime);
        using var folder = new TempFolder("cli-rectification");
        var t0 = cityTime.GetUtcNow();
        const string inspection = "2026-provincial";
        var overdue = await ListAsync(server, inspection, "market-hygiene", "Market stalls dirty.");
        var open = await ListAsync(server, inspection, "street-vendors", "Vendors block the lane.\nSecond line of the item.");
        var done = await ListAsync(server, inspection, "river-banks", "Rubbish on the river banks.");
        var listed = await ListAsync(server, inspection, "signage", "Signs missing.");
        await AssignAsync(server, overdue, "director-li", t0.AddDays(10));
        await AssignAsync(server, open, "wang|deputy", t0.AddDays(40));
        await AssignAsync(server, done, "director-zhao", t0.AddDays(20));
        await server.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = done, Action = CaseAction.Complete, Actor = "supervisor-1", Reason = "Banks cleared." });
        cityTime.Advance(TimeSpan.FromDays(12));
        var file = folder.Combine("summary.md");

        var run = await CliRun.ExecuteAsync("rectification", inspection, "--markdown", file, "--server", server.Address, "--token", server.AdminToken);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        // By hand: 4 tasks; 1 listed, 2 rectifying (1 overdue by 2 days), 1 awaiting confirmation done on time: 1 of 4 = 25.0%.
        Assert.Contains($"Rectification of {inspection}, the whole city", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"done on time\s+│\s+1 of 4 \(25\.0%\)", run.Out);
        Assert.Matches(@"overdue\s+│\s+1\s", run.Out);
        Assert.True(run.Out.IndexOf(overdue, StringComparison.Ordinal) < run.Out.IndexOf(open, StringComparison.Ordinal), run.Out);
        Assert.Matches($@"{overdue}\s+│\s+market-hygiene\s+│\s+OVERDUE 2d\s+│\s+director-li", run.Out);
        Assert.Contains("submitted (on time)", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Summary written to {file}", run.Out, StringComparison.Ordinal);

        var summary = await File.ReadAllTextAsync(file);
        var lines = summary.Split('\n');
        Assert.Equal($"# Rectification of inspection {inspection}: the whole city", lines[0]);
        Assert.Contains("| tasks | confirmed done | awaiting confirmation | done on time | share done on time | being rectified | overdue | not yet assigned |", lines);
        Assert.Contains("| 4 | 0 | 1 | 1 | 25.0% | 2 | 1 | 1 |", lines);
        var due = t0.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var overdueRow = Array.FindIndex(lines, line => line.StartsWith($"| {overdue} |", StringComparison.Ordinal));
        Assert.Equal($"| {overdue} | market-hygiene | Market stalls dirty. | director-li | city-management | {due} | 2 | 0 |", lines[overdueRow]);
        var rows = new[] { open, done, listed }.Select(id => Array.FindIndex(lines, line => line.StartsWith($"| {id} |", StringComparison.Ordinal))).ToList();
        Assert.All(rows, row => Assert.True(row > overdueRow, summary));
        Assert.True(lines.ToList().IndexOf("## Overdue (1)") < overdueRow && overdueRow < lines.ToList().IndexOf("## Other tasks (3)"), summary);
        // The '|' in the responsible person's name is escaped, and the item's line break kept inside its row.
        Assert.Contains(@"| wang\|deputy |", lines[rows[0]], StringComparison.Ordinal);
        Assert.Contains("Vendors block the lane. Second line of the item.", lines[rows[0]], StringComparison.Ordinal);
        Assert.Contains("(on time)", lines[rows[1]], StringComparison.Ordinal);
        Assert.Contains("| not yet assigned |", lines[rows[2]], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rectification_OfAMalformedInspection_PrintsTheServersReason_AndExitsFailed()
    {
        await using var server = await CityServer.StartBostonAsync();

        var refused = await CliRun.ExecuteAsync("rectification", "2026.provincial", "--server", server.Address, "--token", server.AdminToken);
        var missing = await CliRun.ExecuteAsync("rectification");

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("inspection: must be one code segment", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
    }

    [Fact]
    public void ACell_HasItsBarsEscaped_AndItsLineBreaksAsSpaces()
    {
        Assert.Equal(@"a\|b c d", RectificationMarkdown.Cell("a|b\r\nc\nd"));
    }

    private static async Task<string> ListAsync(CityServer server, string inspection, string topic, string item)
    {
        var cell = (await new GridService.GridServiceClient(server.Channel).ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0];
        var ack = await server.Intake.ReportAsync(new ReportRequest
        {
            ExternalId = $"cli-test-{Guid.NewGuid():N}",
            Source = ReportSource.GridWorker,
            Category = $"rectification.{inspection}.{topic}",
            Description = item,
            CellId = cell.CellId,
            ReportedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)),
            ReporterId = "inspection-team-1",
            Kind = CaseKind.Rectification,
        });
        return ack.CaseId;
    }

    private static Task<TransitionCaseResponse> AssignAsync(CityServer server, string caseId, string responsible, DateTimeOffset dueBy) =>
        server.Cases.TransitionCaseAsync(new TransitionCaseRequest
        {
            CaseId = caseId, Action = CaseAction.Assign, Actor = "supervisor-1", Responsible = responsible, DueBy = Timestamp.FromDateTimeOffset(dueBy),
        }).ResponseAsync;
}
