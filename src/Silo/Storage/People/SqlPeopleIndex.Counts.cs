using Governance.Grains.Storage;

namespace Governance.Silo.Storage.People;

/// <summary>Where residents live, counted and listed by cell: what project shares and survey samples are drawn from.</summary>
internal sealed partial class SqlPeopleIndex
{
    public async Task<IReadOnlyDictionary<string, int>> ResidentsPerCellAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await target.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT cell_id, COUNT(*) FROM gov_resident_index GROUP BY cell_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public async Task<IReadOnlyList<string>> ResidentIdsInCellsAsync(IReadOnlyCollection<string> cellIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cellIds);
        var ids = new List<string>();
        await using var connection = await target.OpenAsync(cancellationToken);
        foreach (var chunk in cellIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT resident_id FROM gov_resident_index WHERE cell_id IN ({string.Join(", ", chunk.Select((_, i) => $"@c{i}"))})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.AddParameter($"c{i}", chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        // In one order whatever the database's, so a seeded sample of them is the same sample every time.
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
