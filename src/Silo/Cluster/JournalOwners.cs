using Governance.Silo.Storage;

namespace Governance.Silo.Cluster;

/// <summary>
/// Who writes or replays each intake journal in cluster mode, on <c>gov_intake_journal_owner</c> (PostgreSQL only).
/// Ownership passes by compare-and-set on the owner, so of several survivors exactly one takes a dead silo's journal.
/// </summary>
internal sealed class JournalOwners(StorageOptions options)
{
    private const string ClaimSql =
        "INSERT INTO gov_intake_journal_owner (journal, silo, since) VALUES (@journal, @silo, now()) "
        + "ON CONFLICT (journal) DO UPDATE SET silo = excluded.silo, since = excluded.since";

    private const string TakeOverSql = "UPDATE gov_intake_journal_owner SET silo = @silo, since = now() WHERE journal = @journal AND silo = @from";
    private const string ReleaseSql = "DELETE FROM gov_intake_journal_owner WHERE journal = @journal AND silo = @silo";
    private const string ListSql = "SELECT journal, silo, since FROM gov_intake_journal_owner ORDER BY journal";

    private readonly StorageConnection _target = options.GetConnection();

    /// <summary>Makes <paramref name="silo"/> the owner of <paramref name="journal"/>, whoever owned it.</summary>
    public Task ClaimAsync(string journal, string silo, CancellationToken cancellationToken) =>
        ExecuteAsync(ClaimSql, cancellationToken, ("journal", journal), ("silo", silo));

    /// <summary>Takes the journal from <paramref name="from"/>; false when another silo took it first.</summary>
    public async Task<bool> TakeOverAsync(string journal, string from, string silo, CancellationToken cancellationToken) =>
        await ExecuteAsync(TakeOverSql, cancellationToken, ("journal", journal), ("from", from), ("silo", silo)) == 1;

    /// <summary>Drops the row of a journal replayed to its end, unless another silo owns it now.</summary>
    public Task ReleaseAsync(string journal, string silo, CancellationToken cancellationToken) =>
        ExecuteAsync(ReleaseSql, cancellationToken, ("journal", journal), ("silo", silo));

    public async Task<IReadOnlyList<JournalOwner>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ListSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var owners = new List<JournalOwner>();
        while (await reader.ReadAsync(cancellationToken))
        {
            owners.Add(new JournalOwner(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return owners;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A journal and the silo (its Orleans address with generation) that writes or replays it, since when.</summary>
internal sealed record JournalOwner(string Journal, string Silo, DateTimeOffset Since);
