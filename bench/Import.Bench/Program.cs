using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Governance.City.Demo;
using Governance.Contracts.Residents;
using Governance.Gateway.Access;
using Governance.Import.Bench;
using Governance.Silo.Storage;
using Governance.Silo.Storage.People;
using Microsoft.Extensions.Options;

// Imports RESIDENTS made-up residents of the demo city (and their households) with `governance import` against the
// real silo (a Release build started as its own process, SQLite), timing each file and sampling both processes' peak
// memory; then imports the residents again (every line unchanged). The baseline, measured in the same run: the same
// records stored straight through the people store in batches of the same size, with no gRPC, CSV or checks.
// Usage: Import.Bench [RESIDENTS] [--no-build]   (default 1,000,000)
var count = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : 1_000_000;
var repo = FindRepo();
var folder = Directory.CreateTempSubdirectory("import-bench-").FullName;
try
{
    Console.WriteLine($"Import.Bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {count:N0} residents, {Environment.ProcessorCount} cores, in {folder}");
    if (!args.Contains("--no-build"))
    {
        Run("dotnet", ["build", "-c", "Release", "-v", "q", Path.Combine(repo, "src/Silo"), "-o", Path.Combine(folder, "silo")], repo);
        Run("dotnet", ["build", "-c", "Release", "-v", "q", Path.Combine(repo, "src/Cli"), "-o", Path.Combine(folder, "cli")], repo);
    }

    var city = DemoCityGenerator.Generate().Map;
    var people = PeopleFiles.Make(city, count);
    var households = Path.Combine(folder, "households.csv");
    var residents = Path.Combine(folder, "residents.csv");
    await people.WriteAsync(households, residents);
    Console.WriteLine($"files: {people.Households.Count:N0} households ({new FileInfo(households).Length / 1e6:0} MB), {people.Residents.Count:N0} residents ({new FileInfo(residents).Length / 1e6:0} MB)");

    var baseline = await StoreOnlyAsync(people, Path.Combine(folder, "store-only.db"));
    Console.WriteLine($"baseline, the people store alone: {baseline.Households.TotalSeconds:0.0} s for the households, {baseline.Residents.TotalSeconds:0.0} s for the residents ({people.Residents.Count / baseline.Residents.TotalSeconds:N0}/s)");

    var port = FreePort();
    // The silo signs with a key given here, so the bench can hand the CLI a civil-affairs token of that key.
    var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    var token = new AccessTokens(Options.Create(new AccessOptions { SigningKey = signingKey }), TimeProvider.System)
        .Issue("import-bench", "Import bench", [Roles.CivilAffairs], TimeSpan.FromHours(6));
    var silo = Start("dotnet", [Path.Combine(folder, "silo", "Governance.Silo.dll"), $"--Gateway:Url=http://127.0.0.1:{port}", "--Gateway:WebUrl=http://127.0.0.1:0",
        $"--Storage:SqlitePath={Path.Combine(folder, "governance.db")}", $"--Orleans:SiloPort={FreePort()}", $"--Orleans:GatewayPort={FreePort()}",
        $"--Auth:SigningKey={signingKey}"], folder);
    try
    {
        var server = $"http://127.0.0.1:{port}";
        await WaitForAsync(server);
        var householdRun = await ImportAsync(folder, households, server, token, silo);
        var residentRun = await ImportAsync(folder, residents, server, token, silo);
        var again = await ImportAsync(folder, residents, server, token, silo);
        Console.WriteLine();
        Console.WriteLine("| run | records | wall time | records/s | CLI peak RSS | silo peak RSS after | vs. store alone |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Row("households", people.Households.Count, householdRun, baseline.Households);
        Row("residents", people.Residents.Count, residentRun, baseline.Residents);
        Row("residents again (all unchanged)", people.Residents.Count, again, baseline.Residents);
    }
    finally
    {
        silo.Kill(entireProcessTree: true);
        await silo.WaitForExitAsync();
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void Row(string name, int records, (TimeSpan Wall, long CliPeakKib, long SiloPeakKib, string Summary) run, TimeSpan baseline) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {records:N0} | {run.Wall.TotalSeconds:0.0} s | {records / run.Wall.TotalSeconds:N0} | {run.CliPeakKib / 1024:N0} MiB | {run.SiloPeakKib / 1024:N0} MiB | {run.Wall / baseline:0.0}× |"));

// The same records through the store alone: batches of 1,000, households first, as the server stores them.
static async Task<(TimeSpan Households, TimeSpan Residents)> StoreOnlyAsync(PeopleFiles people, string path)
{
    var options = new StorageOptions { SqlitePath = path };
    await SchemaInstaller.ApplyAsync(options);
    var index = new SqlPeopleIndex(options.GetConnection());
    var now = DateTimeOffset.UtcNow;
    var started = Stopwatch.GetTimestamp();
    foreach (var chunk in people.Households.Chunk(1_000))
    {
        await index.ImportAsync(new PeopleImportBatch([.. chunk], []), now);
    }

    var households = Stopwatch.GetElapsedTime(started);
    started = Stopwatch.GetTimestamp();
    foreach (var chunk in people.Residents.Chunk(1_000))
    {
        await index.ImportAsync(new PeopleImportBatch([], [.. chunk]), now);
    }

    return (households, Stopwatch.GetElapsedTime(started));
}

static async Task<(TimeSpan Wall, long CliPeakKib, long SiloPeakKib, string Summary)> ImportAsync(string folder, string file, string server, string token, Process silo)
{
    var started = Stopwatch.GetTimestamp();
    var cli = Start("dotnet", [Path.Combine(folder, "cli", "governance.dll"), "import", file, "--server", server, "--token", token], folder, captureOutput: true);
    var output = cli.StandardOutput.ReadToEndAsync();
    var peak = 0L;
    while (!cli.HasExited)
    {
        peak = Math.Max(peak, PeakKib(cli.Id));
        await Task.Delay(250);
    }

    await cli.WaitForExitAsync();
    var wall = Stopwatch.GetElapsedTime(started);
    var summary = await output;
    Console.WriteLine($"import {Path.GetFileName(file)}: exit {cli.ExitCode}, {wall.TotalSeconds:0.0} s");
    Console.WriteLine(summary);
    if (cli.ExitCode != 0)
    {
        throw new InvalidOperationException($"governance import {file} exited with {cli.ExitCode}: {await cli.StandardError.ReadToEndAsync()}");
    }

    return (wall, peak, PeakKib(silo.Id), summary);
}

// VmHWM: the process's peak resident set so far.
static long PeakKib(int pid)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
    catch (IOException)
    {
        return 0;
    }
}

static async Task WaitForAsync(string server)
{
    var deadline = DateTime.UtcNow.AddMinutes(3);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(server);
            var health = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
            if (health.Status == Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }

            await Task.Delay(500);
        }
        catch (Grpc.Core.RpcException)
        {
            await Task.Delay(500);
        }
    }

    throw new TimeoutException($"The silo at {server} did not answer within 3 minutes.");
}

static Process Start(string file, string[] arguments, string folder, bool captureOutput = false)
{
    var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        info.ArgumentList.Add(argument);
    }

    info.Environment["DOTNET_ENVIRONMENT"] = "Production";
    var process = Process.Start(info)!;
    if (!captureOutput)
    {
        // A server's output is not read: drain it so it never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
    }

    return process;
}

static void Run(string file, string[] arguments, string folder)
{
    using var process = Start(file, arguments, folder, captureOutput: true);
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed:\n{output}");
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepo()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Governance.Actors.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository.");
}
