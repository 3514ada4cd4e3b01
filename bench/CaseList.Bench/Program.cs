using System.Diagnostics;
using System.Globalization;
using Governance.CaseList.Bench;
using Governance.City.Demo;
using Governance.Contracts.CaseList;
using Governance.Silo.Storage;
using Governance.Silo.Storage.CaseList;
using Governance.Silo.Storage.OpenCases;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

// Saves CASES cases of the demo city through the open case store (as cells save them at intake checkpoints) into a
// fresh SQLite file, then times pages of ListCases' queries against the read model (SqlCaseListStore), RUNS pages per
// query with fresh parameters, first pages and the sixth page of the same lists. The baseline, measured in the same
// run: one case read by its id. A second file saved without 07_case_list.sql's indexes gives what they cost intake.
// Usage: CaseList.Bench [CASES] [RUNS] [FOLDER]   (default 1,000,000 and 200; with FOLDER, the files are kept there and
// a later run with the same CASES reuses them instead of saving the cases again, and then reports no saving cost).
// With CASELIST_POSTGRES set to a connection string of a PostgreSQL server, the two stores are databases made there
// instead (caselist_list_<CASES> and caselist_no_list_indexes_<CASES>, dropped first), analyzed after saving as
// autovacuum would; with CASELIST_REUSE=1 as well, the list database of an earlier run is reused.
var postgres = Environment.GetEnvironmentVariable("CASELIST_POSTGRES");
var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var keptIn = args.Length > 2 ? Path.GetFullPath(args[2]) : null;
const int PageSize = 50;
const int SaveBatch = 2_000;
const string ServiceId = "bench";

var city = DemoCityGenerator.Generate().Map;
var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
Console.WriteLine($"CaseList.Bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {cases:N0} cases in {city.Cells.Count:N0} cells, {runs} pages a query, {Environment.ProcessorCount} cores");

using var folder = new TempDirectory(keptIn);
var listStore = await StoreAsync($"list-{cases}");
if (listStore.Reused)
{
    Console.WriteLine($"reusing {listStore.Options.GetConnection()}");
}
else
{
    var withIndexes = await LoadAsync(listStore.Options, dropListIndexes: false);
    var withoutIndexes = await LoadAsync((await StoreAsync($"no-list-indexes-{cases}")).Options, dropListIndexes: true);
    Console.WriteLine($"saving a case: {withIndexes:F1} µs with the list's indexes, {withoutIndexes:F1} µs without (ratio {withIndexes / withoutIndexes:F2})");
}

var target = listStore.Options.GetConnection();
Console.WriteLine($"store: {target.Provider}");
var store = new SqlCaseListStore(target, ServiceId);
var random = new Random(11);
var baseline = await TimeAsync(runs, async () =>
{
    await using var connection = await target.OpenAsync(CancellationToken.None);
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT case_id, status FROM gov_open_case WHERE service_id = @service AND case_id = @case";
    command.AddParameter("service", ServiceId);
    command.AddParameter("case", $"c{random.Next(cases):D16}");
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
});
Console.WriteLine();
Console.WriteLine("| query | page | rows | median ms | p99 ms | max ms | p99 / baseline |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
Console.WriteLine($"| baseline: one case by id | - | 1 | {baseline.Median:F2} | {baseline.P99:F2} | {baseline.Max:F2} | 1 |");
var allFirstPages = new List<double>();
foreach (var (name, make) in QueryMix.Build(city, now))
{
    foreach (var pageNumber in new[] { 1, 5 })
    {
        var rows = new List<int>();
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // Pages before the one timed are fetched untimed, to get their cursor.
            var query = make(random) with { PageSize = PageSize };
            var page = await store.ListAsync(query, now);
            for (var n = 1; n < pageNumber && page.Next is { } next; n++)
            {
                page = await store.ListAsync(query with { After = next }, now);
            }

            if (pageNumber > 1 && page.Next is null && page.Cases.IsEmpty)
            {
                continue;
            }

            var timed = pageNumber == 1 ? query : query with { After = page.Next };
            if (timed.After is null && pageNumber > 1)
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            var result = await store.ListAsync(timed, now);
            timings.Add(watch.Elapsed.TotalMilliseconds);
            rows.Add(result.Cases.Length);
        }

        if (timings.Count == 0)
        {
            Console.WriteLine($"| {name} | {pageNumber + 1} | no list had that many pages | | | | |");
            continue;
        }

        var stats = Stats.Of(timings);
        if (pageNumber == 1)
        {
            allFirstPages.AddRange(timings);
        }

        var shown = pageNumber == 1 ? "1" : (pageNumber + 1).ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"| {name} | {shown} | {rows.Average():F0} | {stats.Median:F2} | {stats.P99:F2} | {stats.Max:F2} | {stats.P99 / baseline.P99:F0} |");
    }
}

var overall = Stats.Of(allFirstPages);
Console.WriteLine();
Console.WriteLine($"every first page: {allFirstPages.Count} pages, median {overall.Median:F2} ms, p99 {overall.P99:F2} ms (target: p99 under 20 ms)");

// A SQLite file in the folder, or a database of its own on the PostgreSQL server; reused when a kept file exists.
async Task<(StorageOptions Options, bool Reused)> StoreAsync(string name)
{
    if (postgres is null)
    {
        var file = Path.Combine(folder.Path, $"{name}.db");
        return (new StorageOptions { SqlitePath = file }, File.Exists(file));
    }

    var database = "caselist_" + name.Replace('-', '_');
    var reuse = Environment.GetEnvironmentVariable("CASELIST_REUSE") == "1";
    await using (var server = new Npgsql.NpgsqlConnection(postgres))
    {
        await server.OpenAsync();
        await using var command = server.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM pg_database WHERE datname = '{database}'";
        if (reuse && Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 1)
        {
            return (Options(database), true);
        }

        command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database};";
        await command.ExecuteNonQueryAsync();
    }

    return (Options(database), false);

    StorageOptions Options(string database) => new()
    {
        Provider = StorageProvider.PostgreSql,
        PostgresConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString,
    };
}

async Task<double> LoadAsync(StorageOptions options, bool dropListIndexes)
{
    await SchemaInstaller.ApplyAsync(options);
    var connection = options.GetConnection();
    if (dropListIndexes)
    {
        await using var open = await connection.OpenAsync(CancellationToken.None);
        await using var drop = open.CreateCommand();
        drop.CommandText = connection.Provider == StorageProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'gov_case_%'"
            : "SELECT indexname FROM pg_indexes WHERE tablename = 'gov_open_case' AND indexname LIKE 'gov_case_%'";
        var names = new List<string>();
        await using (var reader = await drop.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        drop.CommandText = string.Concat(names.Select(name => $"DROP INDEX {name};"));
        await drop.ExecuteNonQueryAsync();
    }

    var paths = city.Cells.ToDictionary(c => c.Code, c => city.AreaPath(c.AreaCode));
    var rows = new CaseRows(city, now);
    var watch = Stopwatch.StartNew();
    await using (var store = new SqlOpenCaseStore(connection, ServiceId, cell => paths[cell], NullLogger<SqlOpenCaseStore>.Instance))
    {
        for (var from = 0; from < cases; from += SaveBatch)
        {
            var batch = rows.Next(from, Math.Min(SaveBatch, cases - from), cases);
            await store.SaveAsync(batch);
        }
    }

    var microsPerCase = watch.Elapsed.TotalMicroseconds / cases;
    if (connection.Provider == StorageProvider.PostgreSql)
    {
        // Autovacuum analyzes a table once a tenth of it changed; a bench does not wait for it.
        await using var open = await connection.OpenAsync(CancellationToken.None);
        await using var analyze = open.CreateCommand();
        analyze.CommandText = "ANALYZE gov_open_case";
        await analyze.ExecuteNonQueryAsync();
    }

    // SQLite gets no ANALYZE: the store chooses its indexes without statistics, as it must in a file a storm grows.
    SqliteConnection.ClearAllPools();
    return microsPerCase;
}

static async Task<Stats> TimeAsync(int runs, Func<Task> call)
{
    var timings = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await call();
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }

    return Stats.Of(timings);
}

internal sealed record Stats(double Median, double P99, double Max)
{
    public static Stats Of(List<double> timings)
    {
        var sorted = timings.Order().ToArray();
        return new Stats(sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)], sorted[^1]);
    }
}

// A folder of its own, deleted afterwards, unless one to keep was named.
internal sealed class TempDirectory(string? kept) : IDisposable
{
    public string Path { get; } = kept is null ? Directory.CreateTempSubdirectory("case-list-bench-").FullName : Directory.CreateDirectory(kept).FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (kept is null)
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
