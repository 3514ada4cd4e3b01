using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Governance.Cli.CommandLine;
using Governance.Cli.Csv;
using Governance.Cli.Tests.Infrastructure;
using Governance.Contracts.V1;
using Governance.TestSupport;
using Grpc.Core;

namespace Governance.Cli.Tests.Replay;

/// <summary>The tool against a server whose every answer the test decides: counting, rejections, and every way a stream can go wrong.</summary>
public sealed class ScriptedServerReplayTests
{
    [Fact]
    public async Task Replay_MixedAnswers_AreCountedAndEveryRejectionWrittenWithItsLine()
    {
        using var files = new SmallReplay(
        [
            "1,Pot Hole,first,30.55,114.30,2025-06-01 08:00,app",
            "2,Pot Hole,\"second, merged\",30.55,114.30,2025-06-01 08:01,phone",
            "3,Pot Hole,\"third\nwith a line break\",30.55,114.30,2025-06-01 08:02,app",
            "4,Pot Hole,no place,,114.30,2025-06-01 08:03,app",
            "5,Pot Hole,retried,30.55,114.30,2025-06-01 08:04,app",
            "6,Pot Hole,bad time,30.55,114.30,June 1st,app",
        ]);
        await using var server = await ScriptedIntakeServer.StartAnsweringAsync((request, _) => request.Description switch
        {
            "second, merged" => Ack(request, ReportOutcome.Merged, "case-1"),
            "retried" => Ack(request, ReportOutcome.Retry, "case-9"),
            _ when request.Description.StartsWith("third", StringComparison.Ordinal) => Rejected(request, "point", "(30.55, 114.3) is outside every area of wuhan"),
            _ => Ack(request, ReportOutcome.Created, "case-1"),
        });

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address, "--rejects", files.RejectsPath);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(6, SummaryText.Count(run.Out, "rows read"));
        Assert.Equal(2, SummaryText.Count(run.Out, "rejected here"));
        Assert.Equal(4, SummaryText.Count(run.Out, "sent"));
        Assert.Equal(4, SummaryText.Count(run.Out, "acknowledged"));
        Assert.Equal(1, SummaryText.Count(run.Out, "created"));
        Assert.Equal(1, SummaryText.Count(run.Out, "merged"));
        Assert.Equal(1, SummaryText.MergedIntoCases(run.Out));
        Assert.Equal(1, SummaryText.Count(run.Out, "retries"));
        Assert.Equal(1, SummaryText.Count(run.Out, "rejected by the server"));
        Assert.Contains("(…, …) is outside every area of wuhan", run.Out, StringComparison.Ordinal);
        Assert.Contains("column 'lat' is empty", run.Out, StringComparison.Ordinal);
        // Output to files and pipes carries no terminal control codes.
        Assert.DoesNotContain('\u001b', run.Out + run.Error);

        var rejects = await ReadRejectsAsync(files.RejectsPath);
        Assert.Equal(
            [
                // Line 4 is the third row: its quoted line break makes the rows after it start a line later.
                ["4", "t-3", "server", "point", "(30.55, 114.3) is outside every area of wuhan"],
                ["6", "t-4", "replay", "point.latitude", "column 'lat' is empty"],
                ["8", "t-6", "replay", "reported_at", "'June 1st' does not match the format 'yyyy-MM-dd HH:mm'"],
            ],
            rejects.OrderBy(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Replay_ReportsOfOnePlace_ReachTheServerInFileOrderAcrossStreams()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(300));
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await ScriptedIntakeServer.StartAnsweringAsync((request, _) =>
        {
            seen.Enqueue(request.ExternalId);
            return Ack(request, ReportOutcome.Created, $"case-{request.ExternalId}");
        });

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address, "--streams", "8");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(300, SummaryText.Count(run.Out, "created"));
        Assert.Equal(300, seen.Distinct().Count());
        // Rows i and i + 35 share a place (i % 7 and i % 5 repeat every 35): each place's rows keep file order.
        var order = seen.Select((id, position) => (Row: int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture), position)).ToDictionary(x => x.Row, x => x.position);
        Assert.All(Enumerable.Range(1, 265), row => Assert.True(order[row] < order[row + 35], $"row {row + 35} overtook row {row}"));
    }

    [Fact]
    public async Task Replay_Limit_ReadsOnlyThatManyRows()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(50));
        await using var server = await ScriptedIntakeServer.StartAnsweringAsync((request, _) => Ack(request, ReportOutcome.Created, "c"));

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address, "--limit", "20");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(20, SummaryText.Count(run.Out, "rows read"));
        Assert.Equal(20, SummaryText.Count(run.Out, "acknowledged"));
    }

    [Fact]
    public async Task Replay_CtrlC_StopsSendingAndStillCountsEveryAckOfWhatWasSent()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(5000));
        using var ctrlC = new CancellationTokenSource();
        await using var server = await ScriptedIntakeServer.StartAnsweringAsync((request, index) =>
        {
            if (index == 4)
            {
                ctrlC.Cancel();
            }

            return Ack(request, ReportOutcome.Created, "c");
        });

        var run = await CliRun.ExecuteAsync(ctrlC.Token, "replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address, "--streams", "1");

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        var sent = SummaryText.Count(run.Out, "sent");
        Assert.InRange(sent, 5, 4999);
        Assert.Equal(sent, SummaryText.Count(run.Out, "acknowledged"));
        Assert.True(SummaryText.Count(run.Out, "rows read") < 5000, run.Out);
        Assert.Contains("Stopped by Ctrl+C", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_QuoteNeverClosed_AnswersTheRowsBeforeAndFailsNamingItsLine()
    {
        using var files = new SmallReplay([.. SmallReplay.GoodRows(3), "4,Pot Hole,\"never closed,30.55,114.30,2025-06-01 08:00,app", "5,Pot Hole,x,30.55,114.30,2025-06-01 08:00,app"]);
        await using var server = await ScriptedIntakeServer.StartAnsweringAsync((request, _) => Ack(request, ReportOutcome.Created, "c"));

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the CSV is broken at line 5: a quoted field is not closed before the end of the file", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, SummaryText.Count(run.Out, "acknowledged"));
    }

    [Fact]
    public async Task Replay_AckForTheWrongReport_FailsWithExitCode1()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(10));
        await using var server = await ScriptedIntakeServer.StartAnsweringAsync((request, index) =>
            Ack(index == 3 ? new ReportRequest { ExternalId = "t-somebody-else" } : request, ReportOutcome.Created, "c"));

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address, "--streams", "1");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("names external id 't-somebody-else', not 't-4': acks are out of order", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, SummaryText.Count(run.Out, "acknowledged"));
        Assert.Contains("The replay failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ServerEndsTheStreamEarly_FailsNamingTheFirstUnansweredLine()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(10));
        await using var server = await ScriptedIntakeServer.StartAsync(async (requests, acks) =>
        {
            // Answers the first two, then ends the call as if all were done.
            for (var i = 0; i < 2 && await requests.MoveNext(); i++)
            {
                await acks.WriteAsync(Ack(requests.Current, ReportOutcome.Created, "c"));
            }
        });

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address, "--streams", "1");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("stream 1:", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, SummaryText.Count(run.Out, "acknowledged"));
    }

    [Fact]
    public async Task Replay_CallFailsMidway_FailsWithTheServersStatus()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(10));
        await using var server = await ScriptedIntakeServer.StartAsync(async (requests, acks) =>
        {
            await requests.MoveNext();
            await acks.WriteAsync(Ack(requests.Current, ReportOutcome.Created, "c"));
            throw new RpcException(new Grpc.Core.Status(StatusCode.Internal, "the journal broke"));
        });

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", server.Address, "--streams", "1");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the call failed with Internal: the journal broke", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NobodyListening_SaysTheServerIsUnreachableAndExitsWith1()
    {
        using var files = new SmallReplay(SmallReplay.GoodRows(10));

        var run = await CliRun.ExecuteAsync("replay", files.CsvPath, "--map", files.MappingPath, "--server", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the server could not be reached", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, SummaryText.Count(run.Out, "acknowledged"));
    }

    private static ReportAck Ack(ReportRequest request, ReportOutcome outcome, string caseId) =>
        new() { ExternalId = request.ExternalId, Outcome = outcome, CaseId = caseId, CellId = "cell-1" };

    private static ReportAck Rejected(ReportRequest request, string field, string reason)
    {
        var details = new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = reason } } };
        return new ReportAck
        {
            ExternalId = request.ExternalId,
            Outcome = ReportOutcome.Rejected,
            Error = new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = $"{field}: {reason}", Details = { Any.Pack(details) } },
        };
    }

    private static async Task<List<IReadOnlyList<string>>> ReadRejectsAsync(string path)
    {
        using var text = File.OpenText(path);
        var csv = new CsvReader(text);
        var header = await csv.ReadAsync();
        Assert.Equal(["line", "external_id", "rejected_by", "field", "reason"], header!.Fields);
        var rows = new List<IReadOnlyList<string>>();
        while (await csv.ReadAsync() is { } record)
        {
            rows.Add(record.Fields);
        }

        return rows;
    }
}
