using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Silo.Storage;

/// <summary>
/// Checks <see cref="StorageOptions"/>; register it as <c>IValidateOptions&lt;StorageOptions&gt;</c> and use
/// <c>ValidateOnStart</c> so a bad setting fails the start with a message naming the setting to fix.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                ValidateSqlite(options, failures);
                break;
            case StorageProvider.PostgreSql:
                ValidatePostgres(options, failures);
                break;
            default:
                failures.Add($"Storage:Provider '{options.Provider}' is not supported; use Sqlite or PostgreSql.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSqlite(StorageOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Storage:SqlitePath is required when Storage:Provider is Sqlite (for example data/governance.db).");
        }
        else if (options.SqlitePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Storage:SqlitePath '{options.SqlitePath}' contains characters that are not allowed in a path.");
        }
        else if (options.SqlitePath.EndsWith('/') || options.SqlitePath.EndsWith('\\'))
        {
            failures.Add($"Storage:SqlitePath '{options.SqlitePath}' is a folder; give a file name such as data/governance.db.");
        }

        if (options.SqliteBusyTimeoutSeconds <= 0)
        {
            failures.Add($"Storage:SqliteBusyTimeoutSeconds must be at least 1 (was {options.SqliteBusyTimeoutSeconds}); concurrent grain writes need to wait for the lock.");
        }
    }

    private static void ValidatePostgres(StorageOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            failures.Add("Storage:PostgresConnectionString is required when Storage:Provider is PostgreSql "
                + "(for example Host=localhost;Database=governance;Username=governance;Password=...).");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add("Storage:PostgresConnectionString has no Host.");
            }
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the password.
            failures.Add($"Storage:PostgresConnectionString is not a valid Npgsql connection string: {ex.Message}");
        }
    }
}
