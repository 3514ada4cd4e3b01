using System.Data;
using System.Text.Json;
using Governance.Contracts.Cases;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Governance.Silo.Tests.Storage;

public sealed class SqliteSchemaInstallerTests : SchemaInstallerContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());

    [Fact]
    public async Task Apply_CreatesFolderAndTurnsOnWriteAheadLog()
    {
        using var target = StorageTarget.NewSqlite();
        var file = target.Connection.SqliteFile!;
        Assert.False(Directory.Exists(Path.GetDirectoryName(file)));

        SchemaInstaller.Apply(target.Options);

        Assert.True(File.Exists(file));
        // journal_mode is read on a new connection: WAL must be a property of the file, not of the installer's connection.
        Assert.Equal("wal", await Sql.ScalarAsync(target.Connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Apply_PutsTheJournalInAFileOfItsOwn()
    {
        using var target = StorageTarget.NewSqlite();

        await SchemaInstaller.ApplyAsync(target.Options);

        var journal = target.Options.GetJournalConnection();
        Assert.Equal(Path.ChangeExtension(target.Connection.SqliteFile, ".journal.db"), journal.SqliteFile);
        Assert.Equal("wal", await Sql.ScalarAsync(journal, "PRAGMA journal_mode;"));
        Assert.Equal(1L, await CountTablesAsync(journal, "gov_intake_journal"));
        Assert.Equal(0L, await CountTablesAsync(target.Connection, "gov_intake_journal"));
        Assert.Equal(1L, await CountTablesAsync(target.Connection, "gov_intake_checkpoint"));
    }

    [Fact]
    public async Task Apply_MovesAJournalLeftInTheMainFile_SoItsReportsAreReplayed()
    {
        using var target = StorageTarget.NewSqlite();
        await SchemaInstaller.ApplyAsync(target.Options);
        // The layout before the journal had its own file: the journal in the main file, two entries after the checkpoint.
        await Sql.ExecuteAsync(target.Connection, """
            CREATE TABLE gov_intake_journal (journal TEXT NOT NULL, seq INTEGER NOT NULL, cell TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (journal, seq)) WITHOUT ROWID;
            INSERT INTO gov_intake_checkpoint VALUES ('main', 7);
            """);
        var report = new IncomingReport("ext-8", ReportChannel.Hotline, "water.leak", "Leak by the gate", null, DateTimeOffset.UnixEpoch, "operator-3");
        foreach (var seq in new[] { 8L, 9L })
        {
            await Sql.ExecuteAsync(
                target.Connection, "INSERT INTO gov_intake_journal VALUES ('main', @seq, 'area.1.1', @body)",
                ("seq", seq, DbType.Int64), ("body", JsonSerializer.Serialize(report with { ExternalId = $"ext-{seq}" }, RegisterSeed.Json), DbType.String));
        }

        await SchemaInstaller.ApplyAsync(target.Options);
        await SchemaInstaller.ApplyAsync(target.Options);

        var journal = new SqlIntakeJournal(target.Options, "main");
        Assert.Equal((7L, 9L), await journal.GetPositionAsync());
        Assert.Equal(["ext-8", "ext-9"], (await journal.ReadAfterAsync(7, 10)).Select(e => e.Report.ExternalId));
        Assert.Equal(0L, await CountTablesAsync(target.Connection, "gov_intake_journal"));
    }

    [Fact]
    public async Task Apply_SetsAsideAJournalWhoseMainFileWasRemoved()
    {
        using var target = StorageTarget.NewSqlite();
        await SchemaInstaller.ApplyAsync(target.Options);
        var report = new IncomingReport("ext-1", ReportChannel.Hotline, "water.leak", "Leak by the gate", null, DateTimeOffset.UnixEpoch, "operator-3");
        await new SqlIntakeJournal(target.Options, "main").AppendAsync([new Governance.Intake.Journal.JournalEntry(1, "area.1.1", report)]);
        SqliteConnection.ClearAllPools();
        var main = target.Connection.SqliteFile!;
        foreach (var file in new[] { main, main + "-wal", main + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        await SchemaInstaller.ApplyAsync(target.Options);

        Assert.Equal((0L, 0L), await new SqlIntakeJournal(target.Options, "main").GetPositionAsync());
        var folder = Path.GetDirectoryName(main)!;
        Assert.Single(Directory.GetFiles(folder, "governance.journal.orphaned-*.db"));
    }

    [Fact]
    public void GetScriptNames_AreEmbeddedInOrder()
    {
        Assert.Equal(["01_orleans_persistence.sql", "02_registry.sql", "03_intake_checkpoint.sql", "04_live_grain_state.sql", "05_report_links.sql", "06_open_cases.sql", "07_case_list.sql", "08_people.sql", "09_visits.sql", "10_audit.sql", "11_risk_models.sql", "12_household_risk.sql", "13_storm_visits.sql"], SchemaInstaller.GetScriptNames(StorageProvider.Sqlite));
        Assert.Equal(["01_intake_journal.sql"], SchemaInstaller.GetSqliteJournalScriptNames());
        Assert.Equal(["01_orleans_persistence.sql", "02_registry.sql", "03_intake_journal.sql", "04_live_grain_state.sql", "05_report_links.sql", "06_open_cases.sql", "07_case_list.sql", "08_people.sql", "09_visits.sql", "10_audit.sql", "11_risk_models.sql", "12_household_risk.sql", "13_storm_visits.sql", "14_orleans_clustering.sql", "15_intake_journal_owners.sql", "16_orleans_reminders.sql"], SchemaInstaller.GetScriptNames(StorageProvider.PostgreSql));
    }

    private static async Task<long> CountTablesAsync(StorageConnection connection, string table) => Convert.ToInt64(
        await Sql.ScalarAsync(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"),
        System.Globalization.CultureInfo.InvariantCulture);
}
