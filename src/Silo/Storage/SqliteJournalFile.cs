using System.Data.Common;
using System.Globalization;

namespace Governance.Silo.Storage;

/// <summary>
/// In the embedded mode the intake journal is a SQLite file of its own, next to the main one
/// (<c>data/governance.db</c> → <c>data/governance.journal.db</c>). SQLite has one write lock per file: in a shared file
/// the group commit that every ack waits for queued behind each checkpoint's bulk writes of grain state and report
/// links, and acks stalled for up to a second every checkpoint. The checkpoint itself stays in the main file: it is
/// written after the grain state it vouches for, in the same write-ahead log, so the synced commit that records it
/// makes that state durable too (the state's own commits are not synced). The journal is trimmed after it.
/// </summary>
internal static class SqliteJournalFile
{
    /// <summary>The journal file that belongs to the main SQLite file <paramref name="sqlitePath"/>.</summary>
    public static string PathFor(string sqlitePath) => Path.ChangeExtension(sqlitePath, ".journal.db");

    /// <summary>
    /// A journal file whose main file is gone (removed to start afresh) belongs to that old store: replayed into a new
    /// one it would bring back reports of a city that is no longer there. It is renamed, not deleted, so nothing
    /// acknowledged is destroyed. Call before the main file is created.
    /// </summary>
    public static void SetAsideIfOrphaned(string mainFile, string journalFile, TimeProvider time)
    {
        if (File.Exists(mainFile) || !File.Exists(journalFile))
        {
            return;
        }

        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var orphan = Path.ChangeExtension(journalFile, null) + $".orphaned-{stamp}.db";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(journalFile + suffix))
            {
                File.Move(journalFile + suffix, orphan + suffix);
            }
        }
    }

    /// <summary>
    /// Moves the journal that an earlier version kept in the main file into the journal file, so the reports it acked
    /// and had not yet checkpointed are replayed at this start (the checkpoint is where it was). Copies first and drops the old tables after the copy
    /// is committed; a crash in between copies again next time, which changes nothing.
    /// </summary>
    public static async Task AdoptJournalInMainFileAsync(StorageConnection main, StorageConnection journal, CancellationToken cancellationToken)
    {
        var connection = await journal.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(null, "ATTACH DATABASE @main AS previous", cancellationToken, ("main", main.SqliteFile!)).ConfigureAwait(false);
            try
            {
                await MoveAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // The connection goes back to the pool: it must not keep the main file attached.
                await connection.ExecuteAsync(null, "DETACH DATABASE previous", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task MoveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var found = await connection.ScalarAsync(
            null, "SELECT COUNT(*) FROM previous.sqlite_master WHERE type = 'table' AND name = 'gov_intake_journal'", cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(found, CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        var copy = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                copy,
                "INSERT INTO gov_intake_journal (journal, seq, cell, body) SELECT journal, seq, cell, body FROM previous.gov_intake_journal WHERE true "
                + "ON CONFLICT DO NOTHING",
                cancellationToken).ConfigureAwait(false);
            await copy.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(
            null, "DROP TABLE IF EXISTS previous.gov_intake_journal",
            cancellationToken).ConfigureAwait(false);
    }
}
