using Google.Rpc;
using Governance.Cli.CommandLine;
using Governance.Cli.Conversion;
using Governance.Cli.Csv;
using Governance.Cli.Replay;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;
using Governance.TestSupport;
using Grpc.Core;

namespace Governance.Cli.Tests.EndToEnd;

/// <summary>
/// The tool replays the real Boston export into the real application with Boston's neighbourhoods as its city, and
/// what its summary and rejects file say is checked against what the server holds, through the public API only.
/// </summary>
public sealed class BostonReplayTests
{
    // Lines 2-601 of the file: they include both rows without coordinates (lines 119 and 573) and a point in the
    // harbour outside every neighbourhood (line 528).
    private const int Rows = 600;

    [Fact]
    public async Task Replay_BostonRows_SummaryAndRejectsMatchTheCasesTheServerHolds()
    {
        await using var server = await CityServer.StartBostonAsync();
        using var output = new TempFolder("cli-boston-out");
        var rejectsPath = output.Combine("rejects.csv");

        var run = await CliRun.ExecuteAsync(
            "replay", TestFiles.Boston311, "--map", "boston-311", "--server", server.Address, "--token", server.AdminToken, "--limit", $"{Rows}", "--streams", "4", "--rejects", rejectsPath);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Out);
        var rows = await MappedRowsAsync();
        var sent = rows.Where(r => !r.IsRejected).ToList();
        Assert.Equal(Rows, SummaryText.Count(run.Out, "rows read"));
        Assert.Equal(2, SummaryText.Count(run.Out, "rejected here"));
        Assert.Equal(sent.Count, SummaryText.Count(run.Out, "sent"));
        Assert.Equal(sent.Count, SummaryText.Count(run.Out, "acknowledged"));
        Assert.Equal(0, SummaryText.Count(run.Out, "retries"));

        // Ask the server about every report sent: a report taken before answers RETRY with its case; a report it
        // refused is refused again, for the same field.
        var serverRejected = new Dictionary<string, string>();
        var caseOf = new Dictionary<string, Case>();
        foreach (var row in sent)
        {
            try
            {
                var ack = await server.Intake.ReportAsync(row.Request);
                Assert.Equal(ReportOutcome.Retry, ack.Outcome);
                var found = (await server.Cases.GetCaseAsync(new GetCaseRequest { CaseId = ack.CaseId })).Case;
                Assert.Contains(found.Reporters, r => r.ExternalId == row.ExternalId);
                caseOf[row.ExternalId] = found;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                serverRejected[row.ExternalId] = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field;
            }
        }

        // Every report the server took opened a case or joined one: the first reporter of a case is the one that opened it.
        var created = caseOf.Count(c => c.Value.Reporters[0].ExternalId == c.Key);
        var merged = caseOf.Where(c => c.Value.Reporters[0].ExternalId != c.Key).ToList();
        Assert.Equal(created, SummaryText.Count(run.Out, "created"));
        Assert.Equal(merged.Count, SummaryText.Count(run.Out, "merged"));
        Assert.Equal(merged.Select(c => c.Value.CaseId).Distinct().Count(), SummaryText.MergedIntoCases(run.Out));
        Assert.Equal(serverRejected.Count, SummaryText.Count(run.Out, "rejected by the server"));
        Assert.Contains("boston-311-101005926585", serverRejected.Keys);

        // The rejects file names every refused row with its line, by whom, and the field.
        var rejects = await ReadRejectsAsync(rejectsPath);
        var byServer = rejects.Where(r => r[2] == Rejection.ByServer).ToList();
        Assert.Equal(serverRejected.OrderBy(r => r.Key), byServer.Select(r => KeyValuePair.Create(r[1], r[3])).OrderBy(r => r.Key));
        Assert.Contains(byServer, r => r[0] == "528" && r[3] == "point" && r[4].Contains("is outside every area", StringComparison.Ordinal));
        Assert.Equal(
            [
                ["119", "boston-311-101005861543", "replay", ReportFields.Latitude, "column 'latitude' is empty"],
                ["119", "boston-311-101005861543", "replay", ReportFields.Longitude, "column 'longitude' is empty"],
                ["573", "boston-311-101005949601", "replay", ReportFields.Latitude, "column 'latitude' is empty"],
                ["573", "boston-311-101005949601", "replay", ReportFields.Longitude, "column 'longitude' is empty"],
            ],
            rejects.Where(r => r[2] == Rejection.ByReplay));

        // What the case holds is what the mapping made of the row.
        var first = caseOf["boston-311-101005870246"];
        Assert.Equal("street-light-outages", first.Category);
        Assert.StartsWith("Street Light Outages — 9-15 Orleans St East Boston MA 02128", first.Description, StringComparison.Ordinal);
        var reporter = first.Reporters.Single(r => r.ExternalId == "boston-311-101005870246");
        Assert.Equal(ReportSource.CitizenApp, reporter.Source);
        Assert.Equal(new DateTime(2025, 1, 24, 8, 24, 56, DateTimeKind.Utc), reporter.ReportedAt.ToDateTime());
    }

    [Fact]
    public async Task Replay_SameRowsTwice_SecondTimeEveryReportIsARetry()
    {
        await using var server = await CityServer.StartBostonAsync();
        string[] args = ["replay", TestFiles.Boston311, "--map", "boston-311", "--server", server.Address, "--token", server.AdminToken, "--limit", "300", "--streams", "3"];

        var first = await CliRun.ExecuteAsync(args);
        var second = await CliRun.ExecuteAsync(args);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Error + first.Out);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Error + second.Out);
        var taken = SummaryText.Count(first.Out, "created") + SummaryText.Count(first.Out, "merged");
        Assert.True(taken > 250, first.Out);
        Assert.Equal(taken, SummaryText.Count(second.Out, "retries"));
        Assert.Equal(0, SummaryText.Count(second.Out, "created"));
        Assert.Equal(0, SummaryText.Count(second.Out, "merged"));
        Assert.Equal(SummaryText.Count(first.Out, "rejected by the server"), SummaryText.Count(second.Out, "rejected by the server"));
    }

    private static async Task<List<MappedRow>> MappedRowsAsync()
    {
        await using var source = await ReplaySource.OpenAsync(TestFiles.Boston311, TestFiles.BostonMapping);
        var rows = new List<MappedRow>();
        while (rows.Count < Rows && await source.NextAsync() is { } row)
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<List<IReadOnlyList<string>>> ReadRejectsAsync(string path)
    {
        using var text = File.OpenText(path);
        var csv = new CsvReader(text);
        await csv.ReadAsync();
        var rows = new List<IReadOnlyList<string>>();
        while (await csv.ReadAsync() is { } record)
        {
            rows.Add(record.Fields);
        }

        return rows;
    }
}
