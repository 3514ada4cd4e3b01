using System.Globalization;
using System.Text;
using Governance.TestSupport;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>A small made-up CSV and its mapping in a temp folder, for replays whose every row a test knows.</summary>
public sealed class SmallReplay : IDisposable
{
    public const string MappingJson = """
        {
          // A made-up export: one row per request.
          "externalId": { "column": "id", "prefix": "t-" },
          "category": { "column": "kind" },
          "description": { "template": "{text}" },
          "latitude": { "column": "lat" },
          "longitude": { "column": "lon" },
          "reportedAt": { "column": "at", "format": "yyyy-MM-dd HH:mm", "timeZone": "Asia/Shanghai" },
          "reporterId": { "value": "test" },
          "source": { "column": "channel", "values": { "phone": "HOTLINE" }, "default": "CITIZEN_APP" },
        }
        """;

    private readonly TempFolder _folder = new("cli-replay");

    /// <summary>Writes the CSV: a header and <paramref name="rows"/> as "id,kind,text,lat,lon,at,channel" lines.</summary>
    public SmallReplay(params string[] rows)
    {
        var csv = new StringBuilder("id,kind,text,lat,lon,at,channel\n");
        foreach (var row in rows)
        {
            csv.Append(row).Append('\n');
        }

        File.WriteAllText(CsvPath, csv.ToString());
        File.WriteAllText(MappingPath, MappingJson);
    }

    public string CsvPath => _folder.Combine("requests.csv");

    public string MappingPath => _folder.Combine("mapping.json");

    public string RejectsPath => _folder.Combine("out", "rejects.csv");

    /// <summary><paramref name="count"/> good rows, ids 1 to count, spread over a few hundred metres of Wuhan.</summary>
    public static string[] GoodRows(int count) =>
        Enumerable.Range(1, count)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},Pot Hole,hole number {i},{30.55 + (i % 7) * 0.001},{114.30 + (i % 5) * 0.001},2025-06-01 08:{i % 60:00},app"))
            .ToArray();

    public void Dispose() => _folder.Dispose();
}
