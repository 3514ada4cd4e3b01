using System.Data.Common;
using Governance.Contracts.Households;
using Governance.Grains.Storage;

namespace Governance.Silo.Storage.People;

/// <summary>What the flood model needs of each household (<c>gov_household_risk</c>, <c>12_household_risk.sql</c>), written with the index.</summary>
internal sealed partial class SqlPeopleIndex
{
    /// <summary>More cells than this are read by one scan of the table rather than by their index ranges.</summary>
    private const int ScanAboveCells = 500;

    private const string RiskColumns = "household_id, cell_id, elevation_m, storey, construction, dilapidated, built_year";

    private const string PutRiskSql =
        $"INSERT INTO gov_household_risk ({RiskColumns}) VALUES (@id, @cell, @elevation, @storey, @construction, @dilapidated, @built) "
        + "ON CONFLICT (household_id) DO UPDATE SET cell_id = excluded.cell_id, elevation_m = excluded.elevation_m, storey = excluded.storey, "
        + "construction = excluded.construction, dilapidated = excluded.dilapidated, built_year = excluded.built_year";

    public async Task<IReadOnlyList<HouseholdRow>> HouseholdRowsAsync(IReadOnlyCollection<string> householdIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(householdIds);
        var rows = new List<HouseholdRow>(householdIds.Count);
        await using var connection = await target.OpenAsync(cancellationToken);
        foreach (var chunk in householdIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {RiskColumns} FROM gov_household_risk WHERE household_id IN ({string.Join(", ", chunk.Select((_, i) => $"@h{i}"))})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.AddParameter($"h{i}", chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new HouseholdRow(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetInt32(3), reader.GetString(4), reader.GetBoolean(5), reader.GetInt32(6)));
            }
        }

        return rows;
    }

    public async Task<IReadOnlyList<HouseholdRow>> HouseholdRowsInCellsAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cellIds);
        var cells = cellIds.ToHashSet(StringComparer.Ordinal);
        if (cells.Count <= ScanAboveCells)
        {
            // A few cells are their index ranges.
            return await ReadRiskRowsAsync(
                $"SELECT {RiskColumns} FROM gov_household_risk WHERE cell_id IN ({string.Join(", ", cells.Select((_, i) => $"@c{i}"))})",
                command =>
                {
                    var i = 0;
                    foreach (var cell in cells)
                    {
                        command.AddParameter($"c{i++}", cell);
                    }
                },
                keep: null,
                cancellationToken);
        }

        // Many cells (a district, the city) are a scan of the table. On SQLite, its two halves by rowid are read on two
        // connections at once: turning a million rows into objects is the work, and SQLite lets readers run together.
        if (target.Provider != StorageProvider.Sqlite)
        {
            return await ReadRiskRowsAsync($"SELECT {RiskColumns} FROM gov_household_risk", _ => { }, cells, cancellationToken);
        }

        long last;
        await using (var connection = await target.OpenAsync(cancellationToken))
        {
            last = await connection.ScalarAsync(null, "SELECT COALESCE(MAX(rowid), 0) FROM gov_household_risk", cancellationToken) is { } max
                ? Convert.ToInt64(max, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }

        var halves = await Task.WhenAll(
            Task.Run(() => ReadRiskRowsAsync($"SELECT {RiskColumns} FROM gov_household_risk WHERE rowid <= @middle", c => c.AddParameter("middle", last / 2), cells, cancellationToken), cancellationToken),
            Task.Run(() => ReadRiskRowsAsync($"SELECT {RiskColumns} FROM gov_household_risk WHERE rowid > @middle", c => c.AddParameter("middle", last / 2), cells, cancellationToken), cancellationToken));
        var rows = new List<HouseholdRow>(halves[0].Count + halves[1].Count);
        rows.AddRange(halves[0]);
        rows.AddRange(halves[1]);
        return rows;
    }

    /// <summary>The rows a query reads, only those in <paramref name="keep"/>'s cells when it is given.</summary>
    private async Task<List<HouseholdRow>> ReadRiskRowsAsync(string sql, Action<DbCommand> parameters, HashSet<string>? keep, CancellationToken cancellationToken)
    {
        var rows = new List<HouseholdRow>();
        // One string per cell and per construction, not one per row: a city's million rows share a few thousand.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var cellId = Shared(shared, reader.GetString(1));
            if (keep is null || keep.Contains(cellId))
            {
                rows.Add(new HouseholdRow(reader.GetString(0), cellId, reader.GetDouble(2), reader.GetInt32(3), Shared(shared, reader.GetString(4)), reader.GetBoolean(5), reader.GetInt32(6)));
            }
        }

        return rows;
    }

    private static string Shared(Dictionary<string, string> shared, string value)
    {
        if (shared.TryGetValue(value, out var kept))
        {
            return kept;
        }

        shared.Add(value, value);
        return value;
    }

    public async Task<IReadOnlyDictionary<string, double>> LowestGroundAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cellIds);
        var lowest = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var connection = await target.OpenAsync(cancellationToken);
        foreach (var chunk in cellIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT cell_id, MIN(elevation_m) FROM gov_household_risk WHERE cell_id IN ({string.Join(", ", chunk.Select((_, i) => $"@c{i}"))}) GROUP BY cell_id";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.AddParameter($"c{i}", chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lowest[reader.GetString(0)] = reader.GetDouble(1);
            }
        }

        return lowest;
    }

    /// <summary>
    /// The households' flood-model rows, when there are none yet: a city created, or stored by a version without them.
    /// From the register, so a household changed since it was seeded has its seed's values until it is written again.
    /// </summary>
    private async Task FillHouseholdRiskAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await connection.ScalarAsync(null, "SELECT 1 FROM gov_household_risk LIMIT 1", cancellationToken) is not null)
        {
            return;
        }

        using var turn = await SqliteWriteGate.EnterAsync(target, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var risks = Command(connection, transaction, PutRiskSql))
        {
            foreach (var (name, value) in RiskParameters(new HouseholdRow("", "", 0, 0, "", false, 0)))
            {
                risks.AddParameter(name, value);
            }

            await foreach (var household in RegisterAsync<HouseholdDetails>(connection, transaction, RegistryKinds.Household, cancellationToken))
            {
                foreach (var (name, value) in RiskParameters(HouseholdRow.Of(household)))
                {
                    risks.SetParameter(name, value);
                }

                await risks.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The parameters of <see cref="PutRiskSql"/> for a household.</summary>
    private static (string Name, object Value)[] RiskParameters(HouseholdRow row) =>
    [
        ("id", row.HouseholdId), ("cell", row.CellId), ("elevation", row.ElevationMeters), ("storey", row.Storey),
        ("construction", row.Construction), ("dilapidated", row.Dilapidated), ("built", row.BuiltYear),
    ];
}
