using System.Data.Common;
using System.Globalization;

namespace Governance.Silo.Storage.ReportLinks;

/// <summary>
/// Makes the one link table of a SQLite file from an earlier version (<c>gov_report_link</c>, in either of its layouts)
/// the first segment of <see cref="SqliteLinkSegments"/>, inside the schema's transaction: a rename, no row is copied.
/// Both layouts have the unique index by report that inserts need; if the table is already full, the store seals it
/// with its first commit.
/// </summary>
internal static class SqliteReportLinkUpgrade
{
    private const string OneTable = "gov_report_link";

    public static async Task AfterScriptsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var oneTable = await connection.ScalarAsync(transaction, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{OneTable}'", cancellationToken);
        if (Convert.ToInt64(oneTable, CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        var segments = await connection.ScalarAsync(transaction, $"SELECT COUNT(*) FROM {SqliteLinkSegments.CatalogTable}", cancellationToken);
        if (Convert.ToInt64(segments, CultureInfo.InvariantCulture) != 0)
        {
            throw new InvalidDataException($"The file has both {OneTable} and link segments; which holds the links is unclear, so nothing was moved.");
        }

        await connection.ExecuteAsync(
            transaction,
            $"ALTER TABLE {OneTable} RENAME TO {SqliteLinkSegments.TableOf(1)}; INSERT INTO {SqliteLinkSegments.CatalogTable} (segment, report_filter) VALUES (1, NULL);",
            cancellationToken);
    }
}
