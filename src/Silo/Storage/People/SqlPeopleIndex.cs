using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.People;

/// <summary>
/// <see cref="IPeopleIndex"/> on <c>gov_resident_index</c> and <c>gov_household_index</c> (<c>08_people.sql</c>). A
/// connection per call; writes on SQLite take their turn at the file's gate. Searches are one query a page, the page's
/// start a keyset condition on (name, id), so a deep page costs what the first does.
/// </summary>
internal sealed partial class SqlPeopleIndex(StorageConnection target) : IPeopleIndex
{
    private const string ResidentColumns = "resident_id, household_id, cell_id, name, tags, id_number_hash";

    private const string PutResidentSql =
        $"INSERT INTO gov_resident_index ({ResidentColumns}) VALUES (@id, @household, @cell, @name, @tags, @hash) "
        + "ON CONFLICT (resident_id) DO UPDATE SET household_id = excluded.household_id, cell_id = excluded.cell_id, "
        + "name = excluded.name, tags = excluded.tags, id_number_hash = excluded.id_number_hash";

    private const string PutHouseholdSql =
        "INSERT INTO gov_household_index (household_id, cell_id) VALUES (@id, @cell) ON CONFLICT (household_id) DO UPDATE SET cell_id = excluded.cell_id";

    public async Task<bool> PutResidentAsync(ResidentRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        // The unique index refuses a second file with the ID number too; asking first answers that without an error.
        await using (var holder = connection.CreateCommand())
        {
            holder.CommandText = "SELECT resident_id FROM gov_resident_index WHERE id_number_hash = @hash";
            holder.AddParameter("hash", row.IdNumberHash);
            if (await holder.ExecuteScalarAsync(cancellationToken) is string other && other != row.ResidentId)
            {
                return false;
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = PutResidentSql;
        AddResident(command, row);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex) when (ex.SqlState == UniqueViolation)
        {
            // Another silo wrote a file with this ID number between the question and the write (PostgreSQL).
            return false;
        }

        return true;
    }

    // PostgreSQL's unique_violation.
    private const string UniqueViolation = "23505";

    public async Task PutHouseholdAsync(HouseholdRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await target.OpenAsync(cancellationToken);
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(transaction, PutHouseholdSql, cancellationToken, ("id", row.HouseholdId), ("cell", row.CellId));
        await connection.ExecuteAsync(transaction, PutRiskSql, cancellationToken, RiskParameters(row));
        // Its members live where it does, and are visited there.
        await connection.ExecuteAsync(
            transaction, "UPDATE gov_resident_index SET cell_id = @cell WHERE household_id = @id AND cell_id <> @cell", cancellationToken,
            ("id", row.HouseholdId), ("cell", row.CellId));
        await connection.ExecuteAsync(
            transaction,
            "UPDATE gov_visit_due SET cell_id = @cell WHERE cell_id <> @cell AND resident_id IN (SELECT resident_id FROM gov_resident_index WHERE household_id = @id)",
            cancellationToken, ("id", row.HouseholdId), ("cell", row.CellId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ResidentListing>> SearchResidentsAsync(ResidentSearch query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.CellId.Length > 0)
        {
            where.Add("cell_id = @cell");
            command.AddParameter("cell", query.CellId);
        }

        if (query.HouseholdId.Length > 0)
        {
            where.Add("household_id = @household");
            command.AddParameter("household", query.HouseholdId);
        }

        if (query.Tag.Length > 0)
        {
            where.Add("tags LIKE @tag");
            command.AddParameter("tag", $"%|{query.Tag}|%");
        }

        if (query.NamePrefix.Length > 0)
        {
            // Names that start with the prefix are the range from it up to the prefix with its last character one higher.
            where.Add("name >= @nameFrom AND name < @nameTo");
            command.AddParameter("nameFrom", query.NamePrefix);
            command.AddParameter("nameTo", query.NamePrefix[..^1] + (char)(query.NamePrefix[^1] + 1));
        }

        if (query.AfterName is { } afterName)
        {
            where.Add("(name, resident_id) > (@afterName, @afterId)");
            command.AddParameter("afterName", afterName);
            command.AddParameter("afterId", query.AfterId);
        }

        command.CommandText = "SELECT resident_id, household_id, cell_id, name, tags FROM gov_resident_index"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY name, resident_id LIMIT @limit";
        command.AddParameter("limit", query.Limit);
        var rows = new List<ResidentListing>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ResidentListing(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Tags(reader.GetString(4))));
        }

        return rows;
    }

    public async Task<IReadOnlyList<string>> HouseholdsInCellAsync(string cellId, string after, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT household_id FROM gov_household_index WHERE cell_id = @cell AND household_id > @after ORDER BY household_id LIMIT @limit";
        command.AddParameter("cell", cellId);
        command.AddParameter("after", after);
        command.AddParameter("limit", limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Indexes the register's households and residents when the index has none yet: a city created, or stored by a
    /// version without the index. One transaction; the register's rows are the grain DTOs as JSON.
    /// </summary>
    public async Task<long> FillFromRegisterAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        // Asked at every start: one row answers it, however many the index holds.
        var filled = await connection.ScalarAsync(null, "SELECT 1 FROM gov_household_index LIMIT 1", cancellationToken) is null
            ? await FillIndexAsync(connection, cancellationToken)
            : 0;
        await FillHouseholdRiskAsync(connection, cancellationToken);
        return filled;
    }

    private async Task<long> FillIndexAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var filled = 0L;
        await using (var households = Command(connection, transaction, "INSERT INTO gov_household_index (household_id, cell_id) VALUES (@id, @cell)"))
        {
            households.AddParameter("id", "");
            households.AddParameter("cell", "");
            await foreach (var household in RegisterAsync<HouseholdDetails>(connection, transaction, RegistryKinds.Household, cancellationToken))
            {
                cells[household.HouseholdId] = household.CellId;
                households.SetParameter("id", household.HouseholdId);
                households.SetParameter("cell", household.CellId);
                await households.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var residents = Command(connection, transaction, $"INSERT INTO gov_resident_index ({ResidentColumns}) VALUES (@id, @household, @cell, @name, @tags, @hash)"))
        {
            AddResident(residents, new ResidentRow("", "", "", "", [], ""));
            await foreach (var resident in RegisterAsync<ResidentDetails>(connection, transaction, RegistryKinds.Resident, cancellationToken))
            {
                var row = new ResidentRow(resident.ResidentId, resident.HouseholdId, cells.GetValueOrDefault(resident.HouseholdId, ""), resident.Name,
                    resident.Tags, PeopleHashes.IdNumber(resident.IdNumber));
                SetResident(residents, row);
                await residents.ExecuteNonQueryAsync(cancellationToken);
                filled++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return filled;
    }



    // The register's records of one kind, read while they are indexed (the same connection and transaction).
    private static async IAsyncEnumerable<T> RegisterAsync<T>(
        DbConnection connection, DbTransaction transaction, string kind, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bodies = new List<string>();
        await using (var command = Command(connection, transaction, "SELECT body FROM gov_registry WHERE kind = @kind"))
        {
            command.AddParameter("kind", kind);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                bodies.Add(reader.GetString(0));
            }
        }

        foreach (var body in bodies)
        {
            yield return JsonSerializer.Deserialize<T>(body, RegisterSeed.Json)!;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void AddResident(DbCommand command, ResidentRow row)
    {
        command.AddParameter("id", row.ResidentId);
        command.AddParameter("household", row.HouseholdId);
        command.AddParameter("cell", row.CellId);
        command.AddParameter("name", row.Name);
        command.AddParameter("tags", TagsText(row.Tags));
        command.AddParameter("hash", row.IdNumberHash);
    }

    private static void SetResident(DbCommand command, ResidentRow row)
    {
        command.SetParameter("id", row.ResidentId);
        command.SetParameter("household", row.HouseholdId);
        command.SetParameter("cell", row.CellId);
        command.SetParameter("name", row.Name);
        command.SetParameter("tags", TagsText(row.Tags));
        command.SetParameter("hash", row.IdNumberHash);
    }

    private static string TagsText(ImmutableArray<string> tags) => tags.IsDefaultOrEmpty ? "|" : $"|{string.Join('|', tags)}|";

    private static ImmutableArray<string> Tags(string text) => [.. text.Split('|', StringSplitOptions.RemoveEmptyEntries)];
}
