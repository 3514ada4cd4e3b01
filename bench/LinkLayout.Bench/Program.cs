using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

// Inserts report links the way SqlReportLinkStore does (one prepared INSERT per link, ON CONFLICT DO NOTHING, one
// transaction per commit, WAL, synchronous=NORMAL, a 128 MB page cache) into a fresh file, and prints the process's
// CPU time and the wall time per link in each fifth of the run: the cost grows with the table, so the last fifth is
// the one to quote. Usage: LinkLayout.Bench [ROWS] (default 1,000,000).

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

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
Console.WriteLine($"LinkLayout.Bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {rows:N0} links per run, {Environment.ProcessorCount} cores");
Console.WriteLine("layout    commit     µs CPU per link by fifth of the run          µs wall, last fifth");
foreach (var (layout, commit) in new[] { ("keyed", 2_000), ("keyed", 50_000), ("appended", 2_000), ("appended", 50_000) })
{
    var (cpu, wall) = Run(layout, commit, rows);
    Console.WriteLine($"{layout,-9} {commit,7:N0}    {string.Join("  ", cpu.Select(c => c.ToString("F1", CultureInfo.InvariantCulture).PadLeft(5)))}      {wall:F1}");
}

static (double[] CpuPerLink, double LastWallPerLink) Run(string layout, int commit, int rows)
{
    var folder = Directory.CreateTempSubdirectory("link-layout-");
    try
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "links.db")};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072;");
        Execute(connection, layout == "keyed" ? KeyedLayout : AppendedLayout);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO gov_report_link (service_id, report_id, case_id, case_cell, reporter_id, channel, external_id, reported_at) "
            + "VALUES (@service, @report, @case, @cell, @reporter, @channel, @external, @at) ON CONFLICT DO NOTHING";
        var names = new[] { "service", "report", "case", "cell", "reporter", "channel", "external", "at" };
        foreach (var name in names)
        {
            insert.Parameters.AddWithValue(name, DBNull.Value);
        }

        insert.Prepare();
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
                for (var i = 0; i < Math.Min(commit, fifth - done); i++)
                {
                    var caseId = cases[random.Next(cases.Length)];
                    insert.Parameters["service"].Value = "governance";
                    insert.Parameters["report"].Value = HashId(random);
                    insert.Parameters["case"].Value = caseId;
                    insert.Parameters["cell"].Value = $"area.{random.Next(60)}.{random.Next(60)}";
                    insert.Parameters["reporter"].Value = $"resident-{random.Next(100_000)}";
                    insert.Parameters["channel"].Value = 2;
                    insert.Parameters["external"].Value = Guid.NewGuid().ToString();
                    insert.Parameters["at"].Value = DateTime.UtcNow.Ticks;
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
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

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
