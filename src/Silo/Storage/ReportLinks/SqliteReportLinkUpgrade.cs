using System.Data.Common;
using System.Globalization;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// Moves a SQLite file's report links from their first layout (a WITHOUT ROWID table keyed by report, with a case index
/// by report time) to the appended one of <c>05_report_links.sql</c>, inside the schema's transaction: the old table is
/// set aside before the scripts run, and its rows are copied over and it is dropped after them.
/// </summary>
internal static class SqliteReportLinkUpgrade
{
    private const string SetAside = "gov_report_link_before";

    public static async Task BeforeScriptsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var definition = await connection.ScalarAsync(transaction, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'gov_report_link'", cancellationToken);
        if (definition is string sql && sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            // The old index goes with the old table; its name is free again for nothing else.
            await connection.ExecuteAsync(transaction, $"DROP INDEX IF EXISTS gov_report_link_by_case; ALTER TABLE gov_report_link RENAME TO {SetAside};", cancellationToken);
        }
    }

    public static async Task AfterScriptsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var setAside = await connection.ScalarAsync(transaction, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{SetAside}'", cancellationToken);
        if (Convert.ToInt64(setAside, CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        const string columns = "service_id, report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at";
        await connection.ExecuteAsync(
            transaction,
            $"INSERT INTO gov_report_link ({columns}) SELECT {columns} FROM {SetAside} ORDER BY reported_at; DROP TABLE {SetAside};",
            cancellationToken);
    }
}
