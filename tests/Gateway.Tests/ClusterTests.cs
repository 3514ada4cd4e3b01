using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Npgsql;

namespace Governance.Gateway.Tests;

/// <summary>Cluster mode's first step: silo processes on one PostgreSQL that find each other through its membership table.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class ClusterTests(PostgresFixture postgres)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private const int ActiveStatus = 3;

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

        var active = await WaitForActiveSilosAsync(connectionString, 2, JoinTimeout);
        Assert.Equal(2, active.Count);
        Assert.All(active, address => Assert.Equal("127.0.0.1", address));
        // The table is the record; each silo's own view follows it by gossip. Until both views hold both silos, a grain
        // could be looked up where the other silo has not registered it yet.
        await WaitForDirectoryRingAsync(siloA, 2, JoinTimeout);
        await WaitForDirectoryRingAsync(siloB, 2, JoinTimeout);

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
        Assert.Empty(await WaitForActiveSilosAsync(connectionString, 0, JoinTimeout));
    }

    /// <summary>Polls the membership table until exactly <paramref name="count"/> silos are Active, or the timeout passes.</summary>
    private static async Task<List<string>> WaitForActiveSilosAsync(string connectionString, int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var active = new List<string>();
        while (DateTimeOffset.UtcNow < deadline)
        {
            active = await ReadActiveSilosAsync(connectionString);
            if (active.Count == count)
            {
                return active;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"{active.Count} silos Active in OrleansMembershipTable after {timeout}, expected {count}.");
    }

    /// <summary>Polls a silo's /metrics until its grain directory ring (its view of the cluster) holds <paramref name="count"/> silos.</summary>
    private static async Task WaitForDirectoryRingAsync(SiloProcess silo, int count, TimeSpan timeout)
    {
        using var web = new HttpClient { BaseAddress = new Uri(silo.WebAddress) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        var size = double.NaN;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var metrics = await web.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            size = metrics.Split('\n')
                .Where(line => line.StartsWith("orleans_directory_ring_size", StringComparison.Ordinal))
                .Select(SampleValue)
                .DefaultIfEmpty(double.NaN)
                .First();
            if (size == count)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"The silo at {silo.WebAddress} sees a directory ring of {size} silos after {timeout}, expected {count}.");
    }

    /// <summary>The value of a Prometheus sample line: <c>name{labels} value [timestamp]</c> or <c>name value [timestamp]</c>.</summary>
    private static double SampleValue(string line)
    {
        var afterName = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
        return double.Parse(afterName.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ReadActiveSilosAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT address FROM orleansmembershiptable WHERE status = @status ORDER BY port", connection);
        command.Parameters.AddWithValue("status", ActiveStatus);
        var addresses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            addresses.Add(reader.GetString(0));
        }

        return addresses;
    }
}
