using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Governance.Cli.Model;
using Governance.Contracts.Access;
using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Hosting;
using Governance.Grains.Storage;
using Governance.Risk.Features;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;
using Governance.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// The embedded application (SQLite) with the demo city, its households topped up to HOUSEHOLDS with made-up ones spread
// over its cells, and a model trained on synthetic rows, registered and promoted over gRPC. Then IssueStormWarning over
// the whole city, three times (each a new warning, at most 3 visit cases a cell), timed end to end by the client; beside
// it, in the same run, scoring the same number of households alone in this process: what a warning cannot go below.
// Usage: StormWarning.Bench [HOUSEHOLDS]   (default 1,000,000)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var target = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var folder = Directory.CreateTempSubdirectory("storm-bench-").FullName;
Console.WriteLine($"StormWarning.Bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {target:N0} households, {Environment.ProcessorCount} cores, in {folder}");
var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
var started = Stopwatch.GetTimestamp();
var database = Path.Combine(folder, "governance.db");
var (siloPort, gatewayPort) = FreePorts();
var app = await GovernanceApp.BuildAsync(
[
    "--Gateway:Url=http://127.0.0.1:0", "--Gateway:WebUrl=http://127.0.0.1:0", $"--Storage:SqlitePath={database}", $"--Orleans:SiloPort={siloPort}", $"--Orleans:GatewayPort={gatewayPort}",
    $"--Auth:SigningKey={key}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Governance.Grains.Risk=Information",
]);
await app.StartAsync();
try
{
    Console.WriteLine($"silo up with the demo city in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    var added = await TopUpAsync(database, target);
    Console.WriteLine($"{added:N0} made-up households added ({target:N0} in all) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

    var token = app.Services.GetRequiredService<AccessTokens>().Issue("storm-bench", "Storm bench", [Roles.Admin], TimeSpan.FromHours(2));
    using var channel = BearerChannel.ForAddress(app.Services.GetRequiredService<GatewayListeners>().GrpcAddress, token);
    var risk = new RiskService.RiskServiceClient(channel);
    var model = FloodModelTrainer.Train(SyntheticFloodData.Generate(100_000, seed: 42).Set, new TrainingOptions());
    var version = (await risk.RegisterModelAsync(ModelUploadFile.Of(model), model.Scorer.Save())).Version;
    await risk.PromoteModelAsync(new PromoteModelRequest { Version = version });
    Console.WriteLine($"model version {version} promoted (AUC {model.Metrics.Auc:0.0000})");

    var forecast = new StormForecast { RainfallMm24H = 200, DurationHours = 6 };
    var runs = new List<(double Seconds, IssueStormWarningResponse Answer)>();
    for (var run = 1; run <= 3; run++)
    {
        var watch = Stopwatch.StartNew();
        var answer = await risk.IssueStormWarningAsync(new IssueStormWarningRequest { WarningId = $"bench-{run}", Forecast = forecast, MaxCasesPerCell = 3 });
        runs.Add((watch.Elapsed.TotalSeconds, answer));
        Console.WriteLine($"warning {run}: {watch.Elapsed.TotalSeconds:0.00} s, {answer.HouseholdsScored:N0} scored, {answer.HouseholdsFlagged:N0} flagged, {answer.CellsRated:N0} cells rated, {answer.CasesOpened:N0} cases opened");
    }

    // The baseline: the same number of households scored alone, in this process, with the same model.
    var rows = SyntheticFloodData.Generate(target, seed: 7).Set.Examples.Select(e => e.Features).ToList();
    var scoring = new List<double>();
    for (var run = 0; run < 3; run++)
    {
        var watch = Stopwatch.StartNew();
        _ = model.Scorer.Score(rows);
        scoring.Add(watch.Elapsed.TotalSeconds);
    }

    var median = runs.Select(r => r.Seconds).Order().ElementAt(1);
    var scoreMedian = scoring.Order().ElementAt(1);
    var first = runs[0].Answer;
    Console.WriteLine();
    Console.WriteLine("| what | households | median of 3 | vs. scoring alone |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    Console.WriteLine($"| IssueStormWarning, whole city, ≤ 3 cases a cell (end to end over gRPC) | {first.HouseholdsScored:N0} | {median:0.00} s | {median / scoreMedian:0.0}× |");
    Console.WriteLine($"| scoring the same number alone, in process (baseline) | {target:N0} | {scoreMedian:0.00} s | 1.0× |");
    Console.WriteLine($"each warning: {first.HouseholdsFlagged:N0} flagged, {first.CellsRated:N0} cells rated, {first.CasesOpened:N0} cases opened; target < 5 s: {(median < 5 ? "met" : "MISSED")}");
    Console.WriteLine($"peak RSS {PeakMib():N0} MiB");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

// Made-up households in gov_household_risk (the only table a warning reads them from), spread over the demo city's
// cells, with its households' ground heights around each cell's own.
static async Task<int> TopUpAsync(string database, int target)
{
    await using var connection = new SqliteConnection($"Data Source={database}");
    await connection.OpenAsync();
    var cells = new List<(string Cell, double Ground)>();
    await using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT cell_id, MIN(elevation_m) FROM gov_household_risk GROUP BY cell_id";
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cells.Add((reader.GetString(0), reader.GetDouble(1)));
        }
    }

    await using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM gov_household_risk";
    var existing = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    var random = new Random(42);
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = "INSERT INTO gov_household_risk (household_id, cell_id, elevation_m, storey, construction, dilapidated, built_year) VALUES ($id, $cell, $ground, $storey, $construction, $dilapidated, $built)";
    string[] names = ["$id", "$cell", "$ground", "$storey", "$construction", "$dilapidated", "$built"];
    var parameters = names.Select(name => insert.Parameters.Add(new SqliteParameter(name, null))).ToArray();
    var added = 0;
    for (var i = existing; i < target; i++, added++)
    {
        var (cell, ground) = cells[random.Next(cells.Count)];
        parameters[0].Value = $"h-bench-{i:D7}";
        parameters[1].Value = cell;
        parameters[2].Value = ground - Math.Log(1 - random.NextDouble()) * 3;
        parameters[3].Value = random.NextDouble() < 0.35 ? 1 : random.Next(2, 25);
        parameters[4].Value = FloodFeatures.Constructions[random.Next(FloodFeatures.Constructions.Count)];
        parameters[5].Value = random.NextDouble() < 0.05;
        parameters[6].Value = random.Next(1960, 2025);
        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
    return added;
}

// Two ports free a moment ago, and not the same one: both listeners are open when the second is picked.
static (int, int) FreePorts()
{
    using var first = new TcpListener(IPAddress.Loopback, 0);
    using var second = new TcpListener(IPAddress.Loopback, 0);
    first.Start();
    second.Start();
    return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
}

static long PeakMib()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
