using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

// Inserts report links into a fresh file (ON CONFLICT DO NOTHING, one transaction per commit, WAL, synchronous=NORMAL,
// a 128 MB page cache), either with one prepared INSERT per link or with one INSERT per commit that reads every link
// from a JSON array (json_each), and prints the process's CPU time and the wall time per link in each fifth of the
// run: the cost grows with the table, so the last fifth is the one to quote.
// Usage: LinkLayout.Bench [ROWS] [FILTER] (default 1,000,000 rows; FILTER keeps the runs whose "LAYOUT COMMIT INSERTION"
// contains it, for example "intkeys 50000 prepared").

// The first layout: the table itself keyed by report, so every whole row lands at a random place.
const string KeyedLayout = """
    CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
        reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL,
        PRIMARY KEY (service_id, report_id)) WITHOUT ROWID;
    CREATE INDEX gov_report_link_by_case ON gov_report_link (service_id, case_id, reported_at);
    """;

// The layout of src/Silo/Storage/Sql/sqlite/05_report_links.sql: rows appended, two narrow indexes.
const string AppendedLayout = """
    CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
        reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL);
    CREATE UNIQUE INDEX gov_report_link_of_report ON gov_report_link (service_id, report_id);
    CREATE INDEX gov_report_link_of_case ON gov_report_link (service_id, case_id);
    """;

// Candidates for a link table that inserts cost less in as it grows. "bycell": no index by report at all; an index by the
// cell the report came from instead (a few thousand cells, so inserts gather at their ends, rowids rising), from which a
// cell would load the reports it took to answer retries. "intkeys": both indexes on 64-bit keys of the ids instead of
// their 17-character text, so more entries fit a page.
const string ByCellLayout = """
    CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
        reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL);
    CREATE INDEX gov_report_link_of_cell ON gov_report_link (service_id, case_cell);
    CREATE INDEX gov_report_link_of_case ON gov_report_link (service_id, case_id);
    """;

const string IntKeysLayout = """
    CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
        reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL,
        report_key INTEGER NOT NULL, case_key INTEGER NOT NULL);
    CREATE UNIQUE INDEX gov_report_link_of_report ON gov_report_link (service_id, report_key);
    CREATE INDEX gov_report_link_of_case ON gov_report_link (service_id, case_key);
    """;

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var filter = args.Length > 1 ? args[1] : "";
Console.WriteLine($"LinkLayout.Bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {rows:N0} links per run, {Environment.ProcessorCount} cores");
Console.WriteLine("layout    commit    insert     µs CPU per link by fifth of the run          µs wall, last fifth");
foreach (var (layout, commit, json) in new[]
{
    ("keyed", 2_000, false), ("keyed", 50_000, false), ("appended", 2_000, false), ("appended", 50_000, false), ("appended", 50_000, true),
    ("bycell", 50_000, false), ("intkeys", 50_000, false), ("sorted", 50_000, false), ("segments", 50_000, false), ("lateindex", 50_000, false),
})
{
    var insertion = json ? "json" : "prepared";
    if (!$"{layout} {commit} {insertion}".Contains(filter, StringComparison.Ordinal))
    {
        continue;
    }

    var (cpu, wall) = Run(layout, commit, rows, json);
    Console.WriteLine($"{layout,-9} {commit,7:N0}   {insertion,-8}   {string.Join("  ", cpu.Select(c => c.ToString("F1", CultureInfo.InvariantCulture).PadLeft(5)))}      {wall:F1}");
}

static (double[] CpuPerLink, double LastWallPerLink) Run(string layout, int commit, int rows, bool json)
{
    var folder = Directory.CreateTempSubdirectory("link-layout-");
    try
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "links.db")};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072;");
        var intKeys = layout == "intkeys";
        // "sorted": the appended layout, each commit's links inserted in report id order.
        var sorted = layout == "sorted";
        // "segments", as the store keeps links in a SQLite file (Storage/ReportLinks/SqliteLinkSegments.cs): the appended layout
        // in tables of SEGMENT_ROWS links (default 200,000), a new one when the last is full. "lateindex": the same, but a
        // table has no index until it is full, then both are built in one sorted pass.
        var segments = layout is "segments" or "lateindex";
        var indexedFromStart = layout == "segments";
        var segmentLimit = int.Parse(Environment.GetEnvironmentVariable("SEGMENT_ROWS") ?? "200000", CultureInfo.InvariantCulture);
        Execute(connection, layout switch
        {
            "keyed" => KeyedLayout, "bycell" => ByCellLayout, "intkeys" => IntKeysLayout,
            "segments" => AppendedLayout,
            "lateindex" => AppendedLayout.Replace("CREATE UNIQUE INDEX gov_report_link_of_report ON gov_report_link (service_id, report_id);", "")
                .Replace("CREATE INDEX gov_report_link_of_case ON gov_report_link (service_id, case_id);", ""),
            _ => AppendedLayout,
        });
        var segmentRows = 0;
        var segmentNumber = 0;
        using var insert = connection.CreateCommand();
        insert.CommandText = intKeys
            ? "INSERT INTO gov_report_link (service_id, report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at, report_key, case_key) "
                + "VALUES (@service, @report, @case, @cell, @reporter, @channel, @external, @at, @reportKey, @caseKey) ON CONFLICT DO NOTHING"
            : "INSERT INTO gov_report_link (service_id, report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at) "
                + "VALUES (@service, @report, @case, @cell, @reporter, @channel, @external, @at) ON CONFLICT DO NOTHING";
        // Named with their prefix, as the store names them: given bare names, Microsoft.Data.Sqlite guesses at each execution.
        string[] names = intKeys
            ? ["@service", "@report", "@case", "@cell", "@reporter", "@channel", "@external", "@at", "@reportKey", "@caseKey"]
            : ["@service", "@report", "@case", "@cell", "@reporter", "@channel", "@external", "@at"];
        foreach (var name in names)
        {
            insert.Parameters.AddWithValue(name, DBNull.Value);
        }

        insert.Prepare();
        using var insertAll = connection.CreateCommand();
        insertAll.CommandText = "INSERT INTO gov_report_link (service_id, report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at) "
            + "SELECT @service, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(@links) WHERE true "
            + "ON CONFLICT DO NOTHING";
        insertAll.Parameters.AddWithValue("@service", "governance");
        var linksParameter = insertAll.Parameters.AddWithValue("@links", "[]");
        var random = new Random(20261201);
        var cases = Enumerable.Range(0, 70_000).Select(_ => HashId(random)).ToArray();
        var fifth = rows / 5;
        var cpuPerLink = new double[5];
        var lastWall = 0.0;
        var process = Process.GetCurrentProcess();
        for (var part = 0; part < 5; part++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var done = 0; done < fifth; done += commit)
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                insertAll.Transaction = transaction;
                var links = new List<object[]>();
                var made = Enumerable.Range(0, Math.Min(commit, fifth - done)).Select(_ => new object[]
                {
                    HashId(random), cases[random.Next(cases.Length)], $"area.{random.Next(60)}.{random.Next(60)}",
                    $"resident-{random.Next(100_000)}", 2, Guid.NewGuid().ToString(), DateTime.UtcNow.Ticks,
                }).ToList();
                if (sorted)
                {
                    made.Sort((a, b) => string.CompareOrdinal((string)a[0], (string)b[0]));
                }

                foreach (var link in made)
                {
                    if (json)
                    {
                        links.Add(link);
                        continue;
                    }

                    insert.Parameters[0].Value = "governance";
                    for (var p = 0; p < link.Length; p++)
                    {
                        insert.Parameters[p + 1].Value = link[p];
                    }

                    if (intKeys)
                    {
                        insert.Parameters[8].Value = Key((string)link[0]);
                        insert.Parameters[9].Value = Key((string)link[1]);
                    }

                    insert.ExecuteNonQuery();
                }

                if (json)
                {
                    linksParameter.Value = System.Text.Json.JsonSerializer.Serialize(links);
                    insertAll.ExecuteNonQuery();
                }

                transaction.Commit();
                segmentRows += made.Count;
                if (segments && segmentRows >= segmentLimit)
                {
                    // Full: the table keeps its rows under a numbered name (indexed now, for "lateindex"), and an empty one takes inserts.
                    segmentNumber++;
                    Execute(connection, indexedFromStart ? $"""
                        BEGIN;
                        ALTER TABLE gov_report_link RENAME TO gov_report_link_{segmentNumber};
                        CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
                            reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL);
                        CREATE UNIQUE INDEX of_report_open_{segmentNumber} ON gov_report_link (service_id, report_id);
                        CREATE INDEX of_case_open_{segmentNumber} ON gov_report_link (service_id, case_id);
                        COMMIT;
                        """ : $"""
                        BEGIN;
                        ALTER TABLE gov_report_link RENAME TO gov_report_link_{segmentNumber};
                        CREATE UNIQUE INDEX of_report_{segmentNumber} ON gov_report_link_{segmentNumber} (service_id, report_id);
                        CREATE INDEX of_case_{segmentNumber} ON gov_report_link_{segmentNumber} (service_id, case_id);
                        CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
                            reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL);
                        COMMIT;
                        """);
                    segmentRows = 0;
                    insert.Prepare();
                }
            }

            process.Refresh();
            cpuPerLink[part] = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / fifth;
            lastWall = wall.Elapsed.TotalMicroseconds / fifth;
        }

        return (cpuPerLink, lastWall);
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}

// Case and report ids are hashes (Grains/Cases/CaseIds.cs): "c" and 16 base32 digits.
static string HashId(Random random)
{
    const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    return "c" + string.Create(16, random, (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = alphabet[r.Next(32)];
        }
    });
}

// The first 64 bits of an id's hash (its 16 base32 digits hold 80).
static long Key(string id)
{
    const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    long key = 0;
    for (var i = 1; i <= 13; i++)
    {
        key = (key << 5) | (long)alphabet.IndexOf(id[i], StringComparison.Ordinal);
    }

    return key;
}

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
