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
}
