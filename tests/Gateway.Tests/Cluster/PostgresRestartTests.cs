using Grpc.Core;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>
/// PostgreSQL stopped at once and started again while reports come in: intake refuses with statuses that say to retry,
/// then takes reports again by itself, and loses nothing it acknowledged. A server of its own, so that no other test
/// sees it go.
/// </summary>
public sealed class PostgresRestartTests
{
    private static readonly TimeSpan LoadBefore = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);
    private static readonly StatusCode[] RetryableStatuses = [StatusCode.Unavailable, StatusCode.ResourceExhausted];
    private const int Workers = 6;
    private const int CellCount = 16;

    [SkippableFact]
    public async Task RestartOfPostgres_UnderLoad_StallsWithRetryableStatuses_ThenRecovers_LosingNothingAcknowledged()
    {
        // Commits that survive a crash-like stop, as PostgreSQL's own default: the journal's acknowledgements rest on them.
        await using var server = await ThrowawayPostgres.StartAsync(commitsSurviveRestart: true);
        var connectionString = await server.CreateDatabaseAsync("pg_restart");
        using var folder = new TempFolder("pg-restart");
        await using var silo = await SiloProcess.StartAsync(folder.Path, ClusterHarness.StartTimeout,
            "--Orleans:Membership=adonet", "--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}",
            "--Intake:JournalName=silo-a");
        using var channel = silo.OpenChannel();
        var cells = (await new GridService.GridServiceClient(channel).ListCellsAsync(new ListCellsRequest { PageSize = CellCount })).Cells
            .Select(c => c.CellId).ToArray();

        using var load = ClusterLoad.Start([channel], cells, Workers);
        await Task.Delay(LoadBefore);
        await server.RestartAsync(Downtime);
        var ackedAtRestart = load.Acknowledged;

        // Back by itself: acknowledgements resume without anyone touching the silo.
        var deadline = DateTimeOffset.UtcNow + RecoveryTimeout;
        while (load.Acknowledged < ackedAtRestart + 200 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        await load.StopAsync();
        Assert.True(load.Acknowledged >= ackedAtRestart + 200,
            $"{load.Acknowledged - ackedAtRestart} reports acknowledged in {RecoveryTimeout} after PostgreSQL came back: intake did not recover. "
            + $"The silo's log ends:\n{string.Join('\n', silo.Output.Split('\n').TakeLast(120))}");
        // While the store was away, calls were refused with statuses a client retries on, never an internal error.
        Assert.NotEmpty(load.Refusals);
        Assert.All(load.Refusals.Keys, status => Assert.Contains(status, RetryableStatuses));
        await load.AssertEveryAcknowledgedCaseOnceAsync(channel);
    }
}
