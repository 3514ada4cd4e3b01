using Governance.Silo.Storage;

namespace Governance.Silo.Cluster;

/// <summary>
/// Who writes or replays each intake journal in cluster mode, on <c>gov_intake_journal_owner</c> (PostgreSQL only).
/// Ownership passes by compare-and-set on the owner, so of several survivors exactly one takes a dead silo's journal.
/// A silo's hold lasts while the cluster counts it alive; a standalone gateway's, while it renews its lease.
/// </summary>
internal sealed class JournalOwners(StorageOptions options)
{
    private const string ClaimSql =
        "INSERT INTO gov_intake_journal_owner (journal, silo, since, lease_until) VALUES (@journal, @silo, now(), NULL) "
        + "ON CONFLICT (journal) DO UPDATE SET silo = excluded.silo, since = excluded.since, lease_until = NULL";

    // Only a free journal, or one whose lease ran out, is claimed by lease: not one a silo holds (lease_until NULL).
    private const string ClaimLeaseSql =
        "INSERT INTO gov_intake_journal_owner (journal, silo, since, lease_until) VALUES (@journal, @holder, now(), now() + @lease) "
        + "ON CONFLICT (journal) DO UPDATE SET silo = excluded.silo, since = excluded.since, lease_until = excluded.lease_until "
        + "WHERE gov_intake_journal_owner.lease_until < now()";

    private const string RenewLeaseSql = "UPDATE gov_intake_journal_owner SET lease_until = now() + @lease WHERE journal = @journal AND silo = @holder";

    // A leased journal is taken only once its lease has run out, whatever the taker saw when it listed the owners.
    private const string TakeOverSql =
        "UPDATE gov_intake_journal_owner SET silo = @silo, since = now(), lease_until = NULL "
        + "WHERE journal = @journal AND silo = @from AND (lease_until IS NULL OR lease_until < now())";

    private const string ReleaseSql = "DELETE FROM gov_intake_journal_owner WHERE journal = @journal AND silo = @silo";

    private const string ListSql =
        "SELECT journal, silo, since, lease_until IS NOT NULL, COALESCE(lease_until < now(), FALSE) FROM gov_intake_journal_owner ORDER BY journal";

    private readonly StorageConnection _target = options.GetConnection();

    /// <summary>Makes <paramref name="silo"/> the owner of <paramref name="journal"/>, whoever owned it.</summary>
    public Task ClaimAsync(string journal, string silo, CancellationToken cancellationToken) =>
        ExecuteAsync(ClaimSql, cancellationToken, ("journal", journal), ("silo", silo));

    /// <summary>
    /// Makes <paramref name="holder"/> (a standalone gateway) the owner of <paramref name="journal"/> until
    /// <paramref name="lease"/> from now, if no one holds it; false when a silo or an unexpired lease does.
    /// </summary>
    public async Task<bool> ClaimLeaseAsync(string journal, string holder, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(ClaimLeaseSql, cancellationToken, ("journal", journal), ("holder", holder), ("lease", lease)) == 1;

    /// <summary>Extends the lease to <paramref name="lease"/> from now; false when the journal is no longer the holder's.</summary>
    public async Task<bool> RenewLeaseAsync(string journal, string holder, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(RenewLeaseSql, cancellationToken, ("journal", journal), ("holder", holder), ("lease", lease)) == 1;

    /// <summary>Takes the journal from <paramref name="from"/>; false when another silo took it first, or its lease was renewed.</summary>
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
            owners.Add(new JournalOwner(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), Leased: reader.GetBoolean(3), LeaseExpired: reader.GetBoolean(4)));
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

/// <summary>
/// A journal and who writes or replays it, since when: a silo (its Orleans address with generation), or a standalone
/// gateway holding it by a lease (<paramref name="Leased"/>), which may have run out by the database's clock.
/// </summary>
internal sealed record JournalOwner(string Journal, string Silo, DateTimeOffset Since, bool Leased, bool LeaseExpired);
