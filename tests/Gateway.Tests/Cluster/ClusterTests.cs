using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>Cluster mode's first step: silo processes on one PostgreSQL that find each other through its membership table.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class ClusterTests(PostgresFixture postgres)
{
    private static readonly TimeSpan StartTimeout = ClusterHarness.StartTimeout;
    private static readonly TimeSpan JoinTimeout = ClusterHarness.JoinTimeout;
    private static readonly TimeSpan StopTimeout = ClusterHarness.StopTimeout;

    [SkippableFact]
    public async Task TwoSilos_AdoNetClustering_FormOneCluster_AndServeTheSameGrains()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync($"cluster_{Guid.NewGuid():N}");
        using var folderA = new TempFolder("cluster-a");
        using var folderB = new TempFolder("cluster-b");
        string[] common = ["--Orleans:Membership=adonet", "--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}"];

        // One after the other: the first applies the schema and creates the city, the second loads it.
        await using var siloA = await SiloProcess.StartAsync(folderA.Path, StartTimeout, [.. common, "--Intake:JournalName=silo-a"]);
        await using var siloB = await SiloProcess.StartAsync(folderB.Path, StartTimeout, [.. common, "--Intake:JournalName=silo-b"]);

        var active = await ClusterHarness.WaitForActiveSilosAsync(connectionString, 2, JoinTimeout);
        Assert.Equal(2, active.Count);
        Assert.All(active, address => Assert.Equal("127.0.0.1", address));
        // The table is the record; each silo's own view follows it by gossip. Until both views hold both silos, a grain
        // could be looked up where the other silo has not registered it yet.
        await ClusterHarness.WaitForDirectoryRingAsync(siloA, 2, JoinTimeout);
        await ClusterHarness.WaitForDirectoryRingAsync(siloB, 2, JoinTimeout);
        // The city's watches run on reminders in PostgreSQL: one each for the whole cluster, though both silos asked.
        Assert.Equal(["watch:deadlines", "watch:visits"], await ClusterHarness.WaitForRemindersAsync(connectionString, 2, JoinTimeout));

        using var channelA = siloA.OpenChannel();
        using var channelB = siloB.OpenChannel();
        var gridA = new GridService.GridServiceClient(channelA);
        var gridB = new GridService.GridServiceClient(channelB);
        var cellId = (await gridA.ListCellsAsync(new ListCellsRequest { PageSize = 50 })).Cells[11].CellId;

        // Each read through B comes at once, before A's store has committed the report's link (it gathers links for up
        // to half a second): the case finds its opening by asking every silo to commit (ClusterLinkCommits). Several
        // reports, so that some cases are placed on B, where A's uncommitted links are not visible.
        var intakeA = new IntakeService.IntakeServiceClient(channelA);
        var casesA = new CaseService.CaseServiceClient(channelA);
        var casesB = new CaseService.CaseServiceClient(channelB);
        var reportedThroughA = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var reported = await intakeA.ReportAsync(Reports.InCell(cellId));
            var readThroughB = (await casesB.GetCaseAsync(new GetCaseRequest { CaseId = reported.CaseId })).Case;
            var readThroughA = (await casesA.GetCaseAsync(new GetCaseRequest { CaseId = reported.CaseId })).Case;
            Assert.Equal(reported.CaseId, readThroughB.CaseId);
            Assert.Equal(cellId, readThroughB.CellId);
            Assert.Equal(readThroughA.OpenedAt, readThroughB.OpenedAt);
            reportedThroughA.Add(reported.CaseId);
        }

        // One activation of the cell for the whole cluster: each silo sees the report made through the other at once.
        // Two separate silos merely sharing the database would each hold a copy of the cell, stale until reloaded
        // (and would already have failed the ring wait above: each ring would hold one silo).
        var throughB = await new IntakeService.IntakeServiceClient(channelB).ReportAsync(Reports.InCell(cellId));
        string[] expected = [.. reportedThroughA, throughB.CaseId];
        foreach (var grid in new[] { gridA, gridB })
        {
            var cell = (await grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
            Assert.Equal(expected.Length, cell.Counters.CasesOpened);
            Assert.Equal(expected.Order(), cell.OpenCases.Select(c => c.CaseId).Order());
        }

        await siloB.StopAsync(StopTimeout);
        await siloA.StopAsync(StopTimeout);
        Assert.Empty(await ClusterHarness.WaitForActiveSilosAsync(connectionString, 0, JoinTimeout));
    }
}
