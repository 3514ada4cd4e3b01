using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Npgsql;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>
/// kill -9 of one silo of three while reports come in through all three: every report acknowledged, through any silo,
/// has its case afterwards, once. The dead silo's journal is replayed by a survivor; the survivors' own journals are
/// replayed where the dead silo held cells they fed.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class SiloKillTests(PostgresFixture postgres)
{
    // A dead silo declared so in about 2.5 s rather than about 5 s (ClusterMembershipOptions; measured on loopback).
    private static readonly string[] FastLiveness = [
        "--Orleans:Liveness:ProbeTimeout=00:00:02", "--Orleans:Liveness:TableRefreshTimeout=00:00:05",
        "--Orleans:Liveness:IAmAliveTablePublishTimeout=00:00:05", "--Orleans:Liveness:DeathVoteExpirationTimeout=00:00:30"];

    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);
    private const int WorkersPerSilo = 4;
    private const int CellCount = 24;

    [SkippableFact]
    public async Task KillNine_OneSiloOfThree_UnderLoad_EveryAcknowledgedReportHasItsCaseOnce()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync($"kill_{Guid.NewGuid():N}");
        using var folderA = new TempFolder("kill-a");
        using var folderB = new TempFolder("kill-b");
        using var folderC = new TempFolder("kill-c");
        // Checkpoints far apart: when C dies, its cells hold every report they took since the start, none stored.
        string[] common = [
            "--Orleans:Membership=adonet", "--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}",
            "--Intake:CheckpointIntervalMilliseconds=60000", .. FastLiveness];
        await using var siloA = await SiloProcess.StartAsync(folderA.Path, ClusterHarness.StartTimeout, [.. common, "--Intake:JournalName=silo-a"]);
        await using var siloB = await SiloProcess.StartAsync(folderB.Path, ClusterHarness.StartTimeout, [.. common, "--Intake:JournalName=silo-b"]);
        await using var siloC = await SiloProcess.StartAsync(folderC.Path, ClusterHarness.StartTimeout, [.. common, "--Intake:JournalName=silo-c"]);
        await ClusterHarness.WaitForActiveSilosAsync(connectionString, 3, ClusterHarness.JoinTimeout);
        foreach (var silo in new[] { siloA, siloB, siloC })
        {
            await ClusterHarness.WaitForDirectoryRingAsync(silo, 3, ClusterHarness.JoinTimeout);
        }

        using var channelA = siloA.OpenChannel();
        using var channelB = siloB.OpenChannel();
        using var channelC = siloC.OpenChannel();
        var cells = (await new GridService.GridServiceClient(channelA).ListCellsAsync(new ListCellsRequest { PageSize = CellCount })).Cells
            .Select(c => c.CellId).ToArray();

        // Each worker reports through its own silo and, when that fails, retries the same report through the next one,
        // as a client library with several gateway addresses would.
        var acked = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var ackedThrough = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stopLoad = new CancellationTokenSource();
        GrpcChannel[] channels = [channelA, channelB, channelC];
        var workers = Enumerable.Range(0, 3 * WorkersPerSilo)
            .Select(w => Task.Run(() => ReportUntilStoppedAsync(channels, w % 3, cells, w, acked, ackedThrough, stopLoad.Token)))
            .ToArray();

        await Task.Delay(LoadBeforeKill);
        var ackedBeforeKill = acked.Count;
        await siloC.KillAsync();
        await Task.Delay(LoadAfterKill);
        await stopLoad.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(ackedBeforeKill > 100, $"Only {ackedBeforeKill} reports were acknowledged before the kill: the load did not run.");
        Assert.True(acked.Count > ackedBeforeKill, "No report was acknowledged after the kill: the survivors stopped taking reports.");

        // A survivor takes C's journal, replays it and drops its owner row.
        await WaitForJournalRecoveredAsync(connectionString, "silo-c", RecoveryTimeout);

        var cases = new CaseService.CaseServiceClient(channelA);
        var missing = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(acked, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (report, cancellationToken) =>
        {
            try
            {
                var found = await cases.GetCaseAsync(new GetCaseRequest { CaseId = report.Value }, cancellationToken: cancellationToken);
                Assert.Equal(report.Key, found.Case.Reporters[0].ExternalId);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                missing.Add(report.Key);
            }
        });
        Assert.True(missing.IsEmpty, $"{missing.Count} of {acked.Count} acknowledged reports have no case after the kill; "
            + $"acknowledged through A, B, C: {string.Join(", ", Enumerable.Range(0, 3).Select(s => missing.Count(id => ackedThrough[id] == s)))}; e.g. {string.Join(", ", missing.Take(5))}.");

        // Once: each acknowledged case is one open case of its cell, counted once, whoever took it and however often it
        // was retried or replayed.
        var grid = new GridService.GridServiceClient(channelB);
        var openCases = new List<string>();
        foreach (var cellId in cells)
        {
            openCases.AddRange((await grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.OpenCases.Select(c => c.CaseId));
        }

        var counts = openCases.CountBy(id => id).ToDictionary(StringComparer.Ordinal);
        Assert.All(acked.Values, caseId => Assert.Equal(1, counts.GetValueOrDefault(caseId)));

        await siloB.StopAsync(ClusterHarness.StopTimeout);
        await siloA.StopAsync(ClusterHarness.StopTimeout);
    }

    private static async Task ReportUntilStoppedAsync(
        GrpcChannel[] channels, int home, string[] cells, int worker, ConcurrentDictionary<string, string> acked,
        ConcurrentDictionary<string, int> ackedThrough, CancellationToken stop)
    {
        var random = new Random(worker);
        var through = home;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var report = Reports.InCell(cells[random.Next(cells.Length)], $"kill-{worker}-{n}");
            // Until acknowledged, or given up once the load stops: an unacknowledged report promises nothing.
            while (true)
            {
                try
                {
                    var ack = await new IntakeService.IntakeServiceClient(channels[through])
                        .ReportAsync(report, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: CancellationToken.None);
                    acked[report.ExternalId] = ack.CaseId;
                    ackedThrough[report.ExternalId] = through;
                    break;
                }
                catch (RpcException) when (!stop.IsCancellationRequested)
                {
                    through = (through + 1) % channels.Length;
                    await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                }
                catch (RpcException)
                {
                    break;
                }
            }
        }
    }

    private static async Task WaitForJournalRecoveredAsync(string connectionString, string journal, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM gov_intake_journal_owner WHERE journal = @journal", connection);
            command.Parameters.AddWithValue("journal", journal);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"Journal {journal} was not replayed by a survivor within {timeout}.");
    }
}
