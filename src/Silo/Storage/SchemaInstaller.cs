using System.Data.Common;
using System.Reflection;
using Governance.Silo.Storage.OpenCases;
using Governance.Silo.Storage.ReportLinks;

namespace Governance.Silo.Storage;

/// <summary>
/// Creates or updates the database schema (Orleans persistence tables and queries, the city register) from the
/// SQL scripts embedded under Storage/Sql/&lt;provider&gt;/, in file-name order; on SQLite also the journal's own file
/// from Storage/Sql/sqlite_journal/. Every script is idempotent, so
/// this runs on every start, before the silo opens the database; two silos starting together do not race.
/// </summary>
public static class SchemaInstaller
{
    // Any fixed bigint works; it only has to be the same for every installer of this schema.
    private const long PostgresInstallLockKey = 0x676F765F736368; // "gov_sch"

    private const string SqliteJournalFolder = "sqlite_journal";

    /// <summary>Applies the schema, blocking; for use before the host is built.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static void Apply(StorageOptions options) =>
        ApplyAsync(options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Applies the schema.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static async Task ApplyAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var target = options.GetConnection();
        var isSqlite = target.Provider == StorageProvider.Sqlite;
        if (isSqlite)
        {
            SqliteJournalFile.SetAsideIfOrphaned(target.SqliteFile!, options.GetJournalConnection().SqliteFile!, TimeProvider.System);
        }

        await InstallAsync(
            target, LoadScripts(MainFolder(target.Provider)), cancellationToken,
            isSqlite ? SqliteOpenCaseUpgrade.BeforeScriptsAsync : null,
            isSqlite ? UpgradeSqliteAfterScriptsAsync : null).ConfigureAwait(false);
        if (isSqlite)
        {
            var journal = options.GetJournalConnection();
            await InstallAsync(journal, LoadScripts(SqliteJournalFolder), cancellationToken).ConfigureAwait(false);
            await SqliteJournalFile.AdoptJournalInMainFileAsync(target, journal, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task UpgradeSqliteAfterScriptsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await SqliteReportLinkUpgrade.AfterScriptsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    private static async Task InstallAsync(
        StorageConnection target,
        List<(string Name, string Text)> scripts,
        CancellationToken cancellationToken,
        Func<DbConnection, DbTransaction, CancellationToken, Task>? beforeScripts = null,
        Func<DbConnection, DbTransaction, CancellationToken, Task>? afterScripts = null)
    {
        if (target.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        var connection = target.CreateConnection();
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (target.Provider == StorageProvider.Sqlite)
            {
                await EnableWriteAheadLogAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            // SQLite: BEGIN IMMEDIATE takes the write lock up front, so a second installer waits.
            // PostgreSQL: DDL is transactional; the advisory lock below serializes concurrent installers.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (target.Provider == StorageProvider.PostgreSql)
                {
                    await connection.ExecuteAsync(transaction, $"SELECT pg_advisory_xact_lock({PostgresInstallLockKey});", cancellationToken)
                        .ConfigureAwait(false);
                }

                if (beforeScripts is not null)
                {
                    await beforeScripts(connection, transaction, cancellationToken).ConfigureAwait(false);
                }

                foreach (var (name, text) in scripts)
                {
                    try
                    {
                        await connection.ExecuteAsync(transaction, text, cancellationToken).ConfigureAwait(false);
                    }
                    catch (DbException ex)
                    {
                        throw new InvalidOperationException($"Schema script {name} failed on {target}: {ex.Message}", ex);
                    }
                }

                if (afterScripts is not null)
                {
                    await afterScripts(connection, transaction, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The embedded script names for a provider, in the order they are applied.</summary>
    public static IReadOnlyList<string> GetScriptNames(StorageProvider provider) =>
        LoadScripts(MainFolder(provider)).Select(s => s.Name).ToList();

    /// <summary>The embedded script names for SQLite's journal file (see <see cref="SqliteJournalFile"/>), in order.</summary>
    public static IReadOnlyList<string> GetSqliteJournalScriptNames() =>
        LoadScripts(SqliteJournalFolder).Select(s => s.Name).ToList();

    private static string MainFolder(StorageProvider provider) => provider == StorageProvider.Sqlite ? "sqlite" : "postgresql";

    private static List<(string Name, string Text)> LoadScripts(string folder)
    {
        var assembly = typeof(SchemaInstaller).Assembly;
        var prefix = $"{typeof(SchemaInstaller).Namespace}.Sql.{folder}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Name: n[prefix.Length..], Text: ReadResource(assembly, n)))
            .ToList();
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded schema scripts found under {prefix}; check the EmbeddedResource item in Silo.csproj.");
        }

        return scripts;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task EnableWriteAheadLogAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is stored in the file, so every later connection (Orleans' included) gets it: readers no longer block
        // the writer. It cannot be switched inside a transaction, hence before the scripts.
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused write-ahead logging (journal_mode is '{mode}'); the database folder must be on a local disk.");
            }
        }
    }
}
