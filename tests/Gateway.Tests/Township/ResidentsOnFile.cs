using Governance.City.Map;
using Governance.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Township;

/// <summary>Residents counted by the test's own SQL on the host's database, apart from the code under test.</summary>
internal static class ResidentsOnFile
{
    public static async Task<long> InAsync(GatewayHost host, string place)
    {
        var cells = host.Services.GetRequiredService<CityMap>().CellCodesIn(place);
        var path = host.Services.GetRequiredService<IConfiguration>()["Storage:SqlitePath"]!;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        long count = 0;
        foreach (var chunk in cells.Chunk(400))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM gov_resident_index WHERE cell_id IN ({string.Join(", ", chunk.Select((_, i) => $"$c{i}"))})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue($"$c{i}", chunk[i]);
            }

            count += (long)(await command.ExecuteScalarAsync())!;
        }

        return count;
    }
}
