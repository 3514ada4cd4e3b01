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
        var rows = new List<HouseholdRow>();
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Many cells (a district, the city) are one scan of the table; a few are their index ranges.
        var scan = cells.Count > ScanAboveCells;
        command.CommandText = scan
            ? $"SELECT {RiskColumns} FROM gov_household_risk"
            : $"SELECT {RiskColumns} FROM gov_household_risk WHERE cell_id IN ({string.Join(", ", cells.Select((_, i) => $"@c{i}"))})";
        if (!scan)
        {
            var i = 0;
            foreach (var cell in cells)
            {
                command.AddParameter($"c{i++}", cell);
            }
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var cellId = reader.GetString(1);
            if (!scan || cells.Contains(cellId))
            {
                rows.Add(new HouseholdRow(reader.GetString(0), cellId, reader.GetDouble(2), reader.GetInt32(3), reader.GetString(4), reader.GetBoolean(5), reader.GetInt32(6)));
            }
        }

        return rows;
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
