using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>
/// The whole cluster killed with SIGKILL under load, then started again on the same addresses: every acknowledged
/// report has its case, once, and the steps taken on cases are kept.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class ClusterRestartTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(5);
    private const int WorkersPerSilo = 3;
    private const int CellCount = 16;
    private const int Registered = 5;

    [SkippableFact]
    public async Task KillNine_EverySilo_ThenRestart_AllStateIsBack()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync($"restart_{Guid.NewGuid():N}");
        using var folderA = new TempFolder("restart-a");
        using var folderB = new TempFolder("restart-b");
        using var folderC = new TempFolder("restart-c");
        string[] common = [
            "--Orleans:Membership=adonet", "--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}",
            "--Intake:CheckpointIntervalMilliseconds=60000", .. ClusterHarness.FastLiveness];
        // Each silo keeps its address across the restart, as a service manager would start it: a silo restarted on its
        // address declares its predecessor dead itself, rather than waiting for the cluster to find it stale.
        string[][] own = [.. new[] { "silo-a", "silo-b", "silo-c" }.Select(journal => new[]
        {
            $"--Intake:JournalName={journal}", $"--Orleans:SiloPort={FreePort.Next()}", $"--Orleans:GatewayPort={FreePort.Next()}",
        })];
        string[] folders = [folderA.Path, folderB.Path, folderC.Path];

        // The first start alone: it applies the schema and creates the city.
        var silos = new List<SiloProcess> { await SiloProcess.StartAsync(folders[0], ClusterHarness.StartTimeout, [.. common, .. own[0]]) };
        silos.AddRange(await Task.WhenAll(Enumerable.Range(1, 2).Select(i => SiloProcess.StartAsync(folders[i], ClusterHarness.StartTimeout, [.. common, .. own[i]]))));
        try
        {
            await WaitForClusterAsync(connectionString, silos);
            var channels = silos.Select(s => s.OpenChannel()).ToArray();
            var cells = (await new GridService.GridServiceClient(channels[0]).ListCellsAsync(new ListCellsRequest { PageSize = CellCount })).Cells
                .Select(c => c.CellId).ToArray();

            using var load = ClusterLoad.Start(channels, cells, WorkersPerSilo);
            await Task.Delay(Load);
            // Steps taken while reports come in: stored before they are answered, so a kill right after keeps them.
            var registered = new List<string>();
            for (var i = 0; i < Registered; i++)
            {
                var reported = await new IntakeService.IntakeServiceClient(channels[i % 3]).ReportAsync(Reports.InCell(cells[i]));
                await new CaseService.CaseServiceClient(channels[(i + 1) % 3]).TransitionCaseAsync(
                    new TransitionCaseRequest { CaseId = reported.CaseId, Action = CaseAction.Register, Actor = "dispatcher-1" });
                registered.Add(reported.CaseId);
            }

            await Task.WhenAll(silos.Select(s => s.KillAsync()));
            await load.StopAsync();
            Assert.True(load.Acknowledged > 100, $"Only {load.Acknowledged} reports were acknowledged: the load did not run.");
            foreach (var channel in channels)
            {
                channel.Dispose();
            }

            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }

            silos.Clear();
            // One after the other, as after the first start. (The first waits, about 20 s here, until the cluster
            // finds the others' old processes dead.) Started all at once on their old addresses, calls between two of
            // them went unanswered for more than 30 s in one run: left to look into (issue 9).
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(folders[i], ClusterHarness.StartTimeout, [.. common, .. own[i]]));
            }

            await WaitForClusterAsync(connectionString, silos);

            using var reading = silos[1].OpenChannel();
            await load.AssertEveryAcknowledgedCaseOnceAsync(reading);
            var cases = new CaseService.CaseServiceClient(reading);
            foreach (var caseId in registered)
            {
                Assert.Equal(CaseStatus.Registered, (await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case.Status);
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static async Task WaitForClusterAsync(string connectionString, List<SiloProcess> silos)
    {
        await ClusterHarness.WaitForActiveSilosAsync(connectionString, silos.Count, ClusterHarness.JoinTimeout);
        foreach (var silo in silos)
        {
            await ClusterHarness.WaitForDirectoryRingAsync(silo, silos.Count, ClusterHarness.JoinTimeout);
        }
    }
}
