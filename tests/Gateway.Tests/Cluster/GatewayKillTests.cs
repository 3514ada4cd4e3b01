using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>
/// kill -9 of one of two standalone gateways (Orleans clients of two silos) while reports come in through both: its
/// clients go on through the other, their retries open no second case, and a silo replays the dead gateway's journal
/// once its lease has run out, so what it acknowledged is stored.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class GatewayKillTests(PostgresFixture postgres)
{
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);
    private const int WorkersPerGateway = 4;
    private const int CellCount = 24;
    private const int LeaseSeconds = 4;

    [SkippableFact]
    public async Task KillNine_OneStandaloneGatewayOfTwo_UnderLoad_ClientsGoOnThroughTheOther_AndItsJournalIsReplayed()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync($"gwkill_{Guid.NewGuid():N}");
        using var folder = new TempFolder("gateway-kill");
        var (silosFolder, gatewaysFolder) = (Directory.CreateDirectory(folder.Combine("silos")).FullName, Directory.CreateDirectory(folder.Combine("gateways")).FullName);
        string[] cluster = ["--Orleans:Membership=adonet", "--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}"];
        await using var siloA = await SiloProcess.StartAsync(silosFolder, ClusterHarness.StartTimeout, [.. cluster, "--Intake:JournalName=silo-a"]);
        await using var siloB = await SiloProcess.StartAsync(silosFolder, ClusterHarness.StartTimeout, [.. cluster, "--Intake:JournalName=silo-b"]);
        await ClusterHarness.WaitForActiveSilosAsync(connectionString, 2, ClusterHarness.JoinTimeout);
        // Checkpoints far apart: when gateway 1 dies, nothing it acknowledged has been checkpointed.
        string[] gateway = [.. cluster, "--Intake:CheckpointIntervalMilliseconds=60000", $"--GatewayLease:Seconds={LeaseSeconds}"];
        await using var gateway1 = await SiloProcess.StartGatewayAsync(gatewaysFolder, ClusterHarness.StartTimeout, [.. gateway, "--Intake:JournalName=gateway-1"]);
        await using var gateway2 = await SiloProcess.StartGatewayAsync(gatewaysFolder, ClusterHarness.StartTimeout, [.. gateway, "--Intake:JournalName=gateway-2"]);

        using var channel1 = gateway1.OpenChannel();
        using var channel2 = gateway2.OpenChannel();
        using var channelA = siloA.OpenChannel();
        var cells = (await new GridService.GridServiceClient(channel2).ListCellsAsync(new ListCellsRequest { PageSize = CellCount })).Cells
            .Select(c => c.CellId).ToArray();

        using var load = ClusterLoad.Start([channel1, channel2], cells, WorkersPerGateway);
        await Task.Delay(LoadBeforeKill);
        Assert.True(await ClusterHarness.UncheckpointedAsync(connectionString, "gateway-1") > 0, "Gateway 1's journal holds nothing to replay: the test would prove nothing.");
        await gateway1.KillAsync();
        var ackedBeforeKill = load.Acknowledged;
        var movedBeforeKill = load.AcknowledgedThrough(gateway: 1, clientsOf: 0);
        await Task.Delay(LoadAfterKill);
        await load.StopAsync();

        Assert.True(load.AcknowledgedThrough(gateway: 0, clientsOf: 0) > 50, "Gateway 1 acknowledged almost nothing before the kill: the load did not run.");
        // Gateway 1's clients went on through gateway 2.
        var moved = load.AcknowledgedThrough(gateway: 1, clientsOf: 0) - movedBeforeKill;
        Assert.True(moved > 50, $"Only {moved} reports of gateway 1's clients were acknowledged through gateway 2 after the kill.");
        Assert.True(load.Acknowledged > ackedBeforeKill + moved, "Gateway 2's own clients stopped when gateway 1 died.");

        // A silo takes gateway 1's journal after its lease ran out, replays and checkpoints it, and drops its row.
        await ClusterHarness.WaitForJournalRecoveredAsync(connectionString, "gateway-1", RecoveryTimeout);
        Assert.Equal(0, await ClusterHarness.UncheckpointedAsync(connectionString, "gateway-1"));
        Assert.Contains("Taking over intake journal gateway-1", siloA.Output + siloB.Output, StringComparison.Ordinal);
        await load.AssertEveryAcknowledgedCaseOnceAsync(channelA);

        await gateway2.StopAsync(ClusterHarness.StopTimeout);
        await siloB.StopAsync(ClusterHarness.StopTimeout);
        await siloA.StopAsync(ClusterHarness.StopTimeout);
    }
}
