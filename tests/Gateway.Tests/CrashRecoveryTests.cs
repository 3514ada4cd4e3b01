using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests;

/// <summary>Acknowledged means durable: kill -9 the silo in the middle of streaming, and every acked report has its one case.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class CrashRecoveryTests(PostgresFixture postgres)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillMidStream_OnSqlite_EveryAckedReportHasExactlyOneCaseAfterRestart()
    {
        await KillMidStreamAndCheckAsync();
    }

    [SkippableFact]
    public async Task KillMidStream_OnPostgres_EveryAckedReportHasExactlyOneCaseAfterRestart()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync("crash_recovery");
        await KillMidStreamAndCheckAsync("--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}");
    }

    private static async Task KillMidStreamAndCheckAsync(params string[] storeArgs)
    {
        using var folder = new TempFolder("crash");
        var acked = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        List<(string CellId, GeoPoint Centre)> cells;

        await using (var silo = await SiloProcess.StartAsync(folder.Path, StartTimeout, storeArgs))
        {
            using var channel = silo.OpenChannel();
            cells = await CellsAsync(channel);
            using var stop = new CancellationTokenSource();
            var streams = Enumerable.Range(0, 4).Select(i => StreamUntilBrokenAsync(channel, cells, acked, stop.Token)).ToList();

            // Kill while the streams are busy: after some acks, with more in flight.
            while (acked.Count < 3000)
            {
                await Task.Delay(20);
            }

            await silo.KillAsync();
            await Task.WhenAll(streams);
        }

        Assert.True(acked.Count >= 3000, $"{acked.Count} acks before the kill");

        await using var restarted = await SiloProcess.StartAsync(folder.Path, StartTimeout, storeArgs);
        var replayed = System.Text.RegularExpressions.Regex.Match(restarted.Output, @"replayed (\d+) reports");
        Assert.True(replayed.Success && int.Parse(replayed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, "the restart replayed nothing:\n" + restarted.Output);
        using var after = restarted.OpenChannel();
        var cases = new CaseService.CaseServiceClient(after);
        foreach (var (externalId, caseId) in acked)
        {
            var found = (await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
            Assert.Single(found.Reporters, r => r.ExternalId == externalId);
        }

        // Sending every acked report again creates nothing: each is a retry of its one case.
        var intake = new IntakeService.IntakeServiceClient(after);
        using var again = intake.ReportStream();
        var replies = Task.Run(async () =>
        {
            var list = new List<ReportAck>();
            await foreach (var ack in again.ResponseStream.ReadAllAsync())
            {
                list.Add(ack);
            }

            return list;
        });
        foreach (var externalId in acked.Keys)
        {
            var request = Reports.At(cells[0].Centre.Latitude, cells[0].Centre.Longitude, externalId);
            await again.RequestStream.WriteAsync(request);
        }

        await again.RequestStream.CompleteAsync();
        var retries = await replies;
        Assert.Equal(acked.Count, retries.Count);
        Assert.All(retries, a => Assert.Equal((ReportOutcome.Retry, acked[a.ExternalId]), (a.Outcome, a.CaseId)));
    }

    private static async Task<List<(string, GeoPoint)>> CellsAsync(GrpcChannel channel)
    {
        var grid = new GridService.GridServiceClient(channel);
        var page = await grid.ListCellsAsync(new ListCellsRequest { PageSize = 200 });
        var cells = new List<(string, GeoPoint)>();
        foreach (var cell in page.Cells)
        {
            var located = await grid.LocateCellAsync(new LocateCellRequest { Point = cell.Centroid });
            if (located.Inside)
            {
                cells.Add((located.CellId, cell.Centroid));
            }
        }

        return cells;
    }

    private static async Task StreamUntilBrokenAsync(
        GrpcChannel channel, List<(string CellId, GeoPoint Centre)> cells,
        System.Collections.Concurrent.ConcurrentDictionary<string, string> acked, CancellationToken cancellation)
    {
        var intake = new IntakeService.IntakeServiceClient(channel);
        using var call = intake.ReportStream(cancellationToken: cancellation);
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var ack in call.ResponseStream.ReadAllAsync(cancellation))
                {
                    Assert.Equal(ReportOutcome.Created, ack.Outcome);
                    acked[ack.ExternalId] = ack.CaseId;
                }
            }
            catch (RpcException)
            {
                // The server was killed: what was acked before is what counts.
            }
        }, CancellationToken.None);
        try
        {
            for (var i = 0; !cancellation.IsCancellationRequested; i++)
            {
                var (_, centre) = cells[i % cells.Count];
                await call.RequestStream.WriteAsync(Reports.At(centre.Latitude, centre.Longitude), cancellation);
            }
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // Writing fails once the server is gone.
        }

        await reading;
    }
}
