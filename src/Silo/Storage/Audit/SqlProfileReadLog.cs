using Governance.Contracts.Audit;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.Audit;

/// <summary><see cref="IProfileReadLog"/> on <c>gov_profile_read</c> (<c>10_audit.sql</c>): one insert per read, pages by sequence.</summary>
internal sealed class SqlProfileReadLog(StorageConnection target) : IProfileReadLog
{
    public async Task LogAsync(ProfileRead read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await connection.ExecuteAsync(null,
            "INSERT INTO gov_profile_read (reader_id, reader_name, reader_roles, resident_id, rpc, read_at) VALUES (@reader, @name, @roles, @resident, @rpc, @at)",
            cancellationToken,
            ("reader", read.ReaderId), ("name", read.ReaderName), ("roles", read.ReaderRoles), ("resident", read.ResidentId), ("rpc", read.Rpc), ("at", read.At.UtcTicks));
    }

    public async Task<IReadOnlyList<ProfileRead>> ListAsync(ProfileReadQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.ResidentId.Length > 0)
        {
            where.Add("resident_id = @resident");
            command.AddParameter("resident", query.ResidentId);
        }

        if (query.ReaderId.Length > 0)
        {
            where.Add("reader_id = @reader");
            command.AddParameter("reader", query.ReaderId);
        }

        if (query.BeforeSequence is { } before)
        {
            where.Add("sequence < @before");
            command.AddParameter("before", before);
        }

        command.CommandText = "SELECT sequence, reader_id, reader_name, reader_roles, resident_id, rpc, read_at FROM gov_profile_read"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY sequence DESC LIMIT @limit";
        command.AddParameter("limit", query.Limit);
        var reads = new List<ProfileRead>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reads.Add(new ProfileRead(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero)) { Sequence = reader.GetInt64(0) });
        }

        return reads;
    }
}
