using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Governance.Contracts.Cases;
using Governance.Grains.Storage;
using Governance.Intake.Journal;

namespace Governance.Silo.Storage;

/// <summary>
/// <see cref="IIntakeJournal"/> over <c>gov_intake_journal</c> on SQLite (in the journal's own file) or PostgreSQL.
/// An append is one transaction, so its commit (one fsync) is paid once for the whole batch: that is the group commit.
/// </summary>
public sealed class SqlIntakeJournal(StorageOptions options, string journalName) : IIntakeJournal
{
    // The body is bound as the UTF-8 bytes of its JSON and stored as text: a string would be encoded to UTF-8 again to bind.
    private const string InsertSql = "INSERT INTO gov_intake_journal (journal, seq, cell, body) VALUES (@journal, @seq, @cell, CAST(@body AS TEXT))";

    private const string InsertArraysSql =
        "INSERT INTO gov_intake_journal (journal, seq, cell, body) "
        + "SELECT @journal, * FROM unnest(@seqs::bigint[], @cells::text[], @bodies::text[])";

    private const string ReadSql = "SELECT seq, cell, body FROM gov_intake_journal WHERE journal = @journal AND seq > @after ORDER BY seq LIMIT @max";
    private const string LastSql = "SELECT COALESCE(MAX(seq), 0) FROM gov_intake_journal WHERE journal = @journal";
    private const string CheckpointSql = "SELECT COALESCE(MAX(seq), 0) FROM gov_intake_checkpoint WHERE journal = @journal";

    private const string SetCheckpointSql =
        "INSERT INTO gov_intake_checkpoint (journal, seq) VALUES (@journal, @seq) ON CONFLICT (journal) DO UPDATE SET seq = excluded.seq";

    private const string TrimSql = "DELETE FROM gov_intake_journal WHERE journal = @journal AND seq <= @seq";
    private const string FirstSql = "SELECT COALESCE(MIN(seq), 0) FROM gov_intake_journal WHERE journal = @journal";

    // Entries dropped per transaction in the journal's own file: every ack waits for an append to that file, and one
    // delete of a whole checkpoint's entries (50,000 at 10,000 reports/s) held the appends for 100–300 ms.
    private const long TrimStep = 2_000;

    // Appends go to the journal's connection (on SQLite its own file); the checkpoint is recorded in the main store, after
    // the grain state it vouches for and synced with it (see SqliteJournalFile). On PostgreSQL both are the same database.
    private readonly StorageConnection _target = options.GetJournalConnection();
    private readonly StorageConnection _main = options.GetConnection();

    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        using var turn = await SqliteWriteGate.EnterAsync(_target, cancellationToken);
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.AddParameter("journal", journalName);
        if (_target.Provider == StorageProvider.PostgreSql)
        {
            command.CommandText = InsertArraysSql;
            command.AddParameter("seqs", entries.Select(e => e.Sequence).ToArray());
            command.AddParameter("cells", entries.Select(e => e.CellId).ToArray());
            command.AddParameter("bodies", entries.Select(e => JsonSerializer.Serialize(e.Report, RegisterSeed.Json)).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            // SQLite is in-process: one prepared statement executed per row costs microseconds.
            command.CommandText = InsertSql;
            var seq = command.AddParameter("seq", 0L);
            var cell = command.AddParameter("cell", "");
            var body = command.AddParameter("body", Array.Empty<byte>());
            await command.PrepareAsync(cancellationToken);
            foreach (var entry in entries)
            {
                seq.Value = entry.Sequence;
                cell.Value = entry.CellId;
                body.Value = JsonSerializer.SerializeToUtf8Bytes(entry.Report, RegisterSeed.Json);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long sequence, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        command.AddParameter("journal", journalName);
        command.AddParameter("after", sequence);
        command.AddParameter("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var report = JsonSerializer.Deserialize<IncomingReport>(reader.GetString(2), RegisterSeed.Json)
                ?? throw new InvalidDataException($"Journal entry {reader.GetInt64(0)} is empty.");
            entries.Add(new JournalEntry(reader.GetInt64(0), reader.GetString(1), report));
        }

        return entries;
    }

    public async Task<(long Checkpoint, long Last)> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        long checkpoint;
        await using (var main = await _main.OpenAsync(cancellationToken))
        {
            checkpoint = await ScalarAsync(main, CheckpointSql, cancellationToken);
        }

        await using var connection = await _target.OpenAsync(cancellationToken);
        var last = await ScalarAsync(connection, LastSql, cancellationToken);
        return (checkpoint, Math.Max(checkpoint, last));
    }

    // One thread for every journal's checkpoints: a trim's steps are tens of milliseconds of blocking SQLite work each.
    private static readonly DedicatedThreadScheduler CheckpointThread = new("journal: trim");

    /// <summary>
    /// Records the checkpoint, then drops the entries up to it. A crash between the two leaves entries behind that
    /// nothing reads again (reads start after the checkpoint); the next checkpoint drops them.
    /// </summary>
    public Task CheckpointAsync(long sequence, CancellationToken cancellationToken = default) =>
        CheckpointThread.RunAsync(() => CheckpointHereAsync(sequence, cancellationToken));

    private async Task CheckpointHereAsync(long sequence, CancellationToken cancellationToken)
    {
        if (_target.SqliteFile is null)
        {
            // One database: both in one transaction.
            await RunAsync(_main, [SetCheckpointSql, TrimSql], sequence, synced: false, cancellationToken);
            return;
        }

        // Synced, whatever the connection was used for before: this commit is what makes the grain state durable.
        await RunAsync(_main, [SetCheckpointSql], sequence, synced: true, cancellationToken);
        await TrimInStepsAsync(sequence, cancellationToken);
    }

    /// <summary>Drops the entries up to the sequence a step at a time, so that appends take their turns in between.</summary>
    private async Task TrimInStepsAsync(long sequence, CancellationToken cancellationToken)
    {
        long first;
        await using (var connection = await _target.OpenAsync(cancellationToken))
        {
            first = await ScalarAsync(connection, FirstSql, cancellationToken);
        }

        if (first == 0 || first > sequence)
        {
            return;
        }

        for (var upTo = first + TrimStep - 1; ; upTo += TrimStep)
        {
            var step = Math.Min(upTo, sequence);
            await RunAsync(_target, [TrimSql], step, synced: false, cancellationToken);
            if (step == sequence)
            {
                return;
            }
        }
    }

    private async Task RunAsync(StorageConnection target, string[] statements, long sequence, bool synced, CancellationToken cancellationToken)
    {
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var connection = await target.OpenAsync(cancellationToken);
        if (synced)
        {
            // Set outside the transaction: SQLite does not change the sync mode inside one.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=FULL";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.AddParameter("journal", journalName);
            command.AddParameter("seq", sequence);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("journal", journalName);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
