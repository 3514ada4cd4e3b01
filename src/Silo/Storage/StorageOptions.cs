using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Storage;

/// <summary>
/// Where the silo keeps grain state and the city register, bound from the <c>Storage</c> section
/// (<c>Storage__Provider=PostgreSql</c>, <c>--Storage:SqlitePath=…</c>, …) and checked by <see cref="StorageOptionsValidator"/>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>Which database to use; SQLite unless configured otherwise.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file, relative to the current directory unless rooted; its folder is created at start.</summary>
    public string SqlitePath { get; set; } = "data/governance.db";

    /// <summary>An Npgsql connection string; required when <see cref="Provider"/> is <see cref="StorageProvider.PostgreSql"/>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// How long a SQLite command waits for another connection's write lock before failing, in seconds.
    /// Grain writes, the register and the installer share one file, so they must wait rather than fail with SQLITE_BUSY.
    /// </summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    /// <summary>Binds the <c>Storage</c> section (missing section = defaults) and validates it.</summary>
    /// <exception cref="OptionsValidationException">The section holds invalid values.</exception>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
        options.EnsureValid();
        return options;
    }

    /// <summary>The ADO.NET invariant and connection string Orleans and the register use for these options.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public StorageConnection GetConnection()
    {
        EnsureValid();
        return Provider == StorageProvider.Sqlite
            ? StorageConnection.ForSqlite(SqlitePath, SqliteBusyTimeoutSeconds)
            : StorageConnection.ForPostgres(PostgresConnectionString!);
    }

    /// <summary>
    /// Where the intake journal is kept: on SQLite a file of its own next to <see cref="SqlitePath"/> (see
    /// <see cref="SqliteJournalFile"/>), on PostgreSQL the same database.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public StorageConnection GetJournalConnection()
    {
        EnsureValid();
        return Provider == StorageProvider.Sqlite
            ? StorageConnection.ForSqlite(SqliteJournalFile.PathFor(SqlitePath), SqliteBusyTimeoutSeconds)
            : StorageConnection.ForPostgres(PostgresConnectionString!);
    }

    /// <summary>Throws with every problem found, so a bad setting stops the silo before it touches the database.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public void EnsureValid()
    {
        var result = new StorageOptionsValidator().Validate(Options.DefaultName, this);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), result.Failures);
        }
    }
}
