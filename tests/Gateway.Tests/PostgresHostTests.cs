using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests;

/// <summary>The same application with its grain state and register on a real PostgreSQL 15 server.</summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresHostTests(PostgresFixture postgres)
{
    [SkippableFact]
    public async Task Restart_OnPostgres_KeepsTheCityAndEveryCase()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync("host_restart");
        using var folder = new TempFolder("pg-host");
        string[] onPostgres = ["--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}"];
        string cellId, caseId;
        int cellCount;
        await using (var first = await GatewayHost.StartAsync(folder.Path, onPostgres))
        {
            (cellId, _) = await CityProbe.FreshCellAsync(first);
            caseId = (await first.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;
            var another = await first.Intake.ReportAsync(Reports.InCell(cellId));
            Assert.NotEqual(caseId, another.CaseId);
            cellCount = (await first.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).TotalSize;
        }

        Assert.False(File.Exists(Path.Combine(folder.Path, "governance.db")), "nothing may be written to SQLite in PostgreSQL mode");

        await using var second = await GatewayHost.StartAsync(folder.Path, onPostgres);
        Assert.Equal(cellCount, (await second.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).TotalSize);
        var found = (await second.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        Assert.Equal(cellId, found.CellId);
        var cell = (await second.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(2, cell.Counters.CasesOpened);
    }

    [SkippableFact]
    public async Task ADeadline_OnPostgres_OutlivesARestart_AndEscalatesAfterIt()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync("deadline_restart");
        using var folder = new TempFolder("pg-deadline");
        string[] args = ["--Storage:Provider=PostgreSql", $"--Storage:PostgresConnectionString={connectionString}", .. Escalations.FastRulesArgs(folder)];
        string caseId;
        await using (var first = await GatewayHost.StartAsync(folder.Path, args))
        {
            var (cellId, _) = await CityProbe.FreshCellAsync(first);
            caseId = (await first.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;
            await Escalations.DispatchAsync(first.Cases, caseId);
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = await GatewayHost.StartAsync(folder.Path, args);
        var escalated = await Escalations.WaitForAsync(second.Cases, caseId, levels: 1, TimeSpan.FromSeconds(30));

        var escalation = Assert.Single(escalated.History, e => e.EscalationLevel == 1);
        Assert.True(escalation.At.ToDateTimeOffset() >= restartedAt, "escalated by the restarted host");
        Assert.True(escalated.Overdue);
    }
}
