using System.Data.Common;
using System.Globalization;

namespace Governance.Silo.Storage.OpenCases;

/// <summary>
/// Gives a SQLite file's <c>gov_open_case</c>, made by an earlier version, the columns <c>06_open_cases.sql</c> has
/// since added (SQLite has no <c>ADD COLUMN IF NOT EXISTS</c>), inside the schema's transaction and before the scripts,
/// so that <c>07_case_list.sql</c> finds them to index. Rows saved before keep none: no description (their cases stored
/// their own state), no area path until the store fills it in at start, no department or due time until their next step.
/// </summary>
internal static class SqliteOpenCaseUpgrade
{
    private static readonly (string Name, string Definition)[] AddedColumns =
    [
        ("description", "TEXT"),
        ("kind", "INTEGER NOT NULL DEFAULT 1"),
        ("area_path", "TEXT"),
        ("department", "TEXT"),
        ("due_at", "INTEGER"),
        ("facts", "TEXT"),
    ];

    public static async Task BeforeScriptsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var table = await connection.ScalarAsync(
            transaction, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'gov_open_case'", cancellationToken);
        if (Convert.ToInt64(table, CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        foreach (var (name, definition) in AddedColumns)
        {
            var found = await connection.ScalarAsync(
                transaction, $"SELECT COUNT(*) FROM pragma_table_info('gov_open_case') WHERE name = '{name}'", cancellationToken);
            if (Convert.ToInt64(found, CultureInfo.InvariantCulture) == 0)
            {
                await connection.ExecuteAsync(transaction, $"ALTER TABLE gov_open_case ADD COLUMN {name} {definition};", cancellationToken);
            }
        }
    }
}
