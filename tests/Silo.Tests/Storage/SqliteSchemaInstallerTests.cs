using Governance.Silo.Storage;

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
    public void GetScriptNames_AreEmbeddedInOrder()
    {
        Assert.Equal(["01_orleans_persistence.sql", "02_registry.sql", "03_intake_journal.sql", "04_live_grain_state.sql", "05_report_links.sql"], SchemaInstaller.GetScriptNames(StorageProvider.Sqlite));
        Assert.Equal(["01_orleans_persistence.sql", "02_registry.sql", "03_intake_journal.sql", "04_live_grain_state.sql", "05_report_links.sql"], SchemaInstaller.GetScriptNames(StorageProvider.PostgreSql));
    }
}
