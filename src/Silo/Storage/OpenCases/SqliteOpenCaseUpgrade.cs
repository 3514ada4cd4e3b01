using System.Data.Common;
using System.Globalization;

namespace Governance.Silo.Storage.OpenCases;

/// <summary>
/// Gives a SQLite file's open case rows the description column of <c>06_open_cases.sql</c> when the table was made before
/// it (SQLite has no <c>ADD COLUMN IF NOT EXISTS</c>), inside the schema's transaction. Rows saved before keep none: their
/// cases stored their own state.
/// </summary>
internal static class SqliteOpenCaseUpgrade
{
    public static async Task AfterScriptsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var found = await connection.ScalarAsync(
            transaction, "SELECT COUNT(*) FROM pragma_table_info('gov_open_case') WHERE name = 'description'", cancellationToken);
        if (Convert.ToInt64(found, CultureInfo.InvariantCulture) == 0)
        {
            await connection.ExecuteAsync(transaction, "ALTER TABLE gov_open_case ADD COLUMN description TEXT;", cancellationToken);
        }
    }
}
