using System.Globalization;
using Governance.Intake.Bench.Processes;
using Governance.Intake.Bench.Setup;
using Npgsql;

namespace Governance.Intake.Bench.Postgres;

/// <summary>
/// The bench's own PostgreSQL server, made from the installed binaries in a temporary folder: trust auth, loopback only
/// on a free port, <c>synchronous_commit</c> on (a commit is answered once its WAL is written, as cluster mode wants),
/// <c>fsync</c> and <c>full_page_writes</c> off unless asked for (the WAL is written but not forced to disk: faster, and
/// what the tests do). As root it runs as the <c>postgres</c> account (or <c>nobody</c>). Stopped and deleted on dispose,
/// killed if the bench exits first.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);
    private const int StartAttempts = 3;

    private readonly DirectoryInfo _root;
    private readonly string _binFolder;
    private readonly string? _runAsUser;
    private int _disposed;

    private PostgresServer(DirectoryInfo root, string binFolder, string? runAsUser)
    {
        _root = root;
        _binFolder = binFolder;
        _runAsUser = runAsUser;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The postmaster's process id; its backends are its children.</summary>
    public int Pid { get; private set; }

    /// <summary>Version and the settings that matter for the figures, for the report.</summary>
    public string Description { get; private set; } = "";

    private string DataFolder => Path.Combine(_root.FullName, "data");

    private string LogFile => Path.Combine(_root.FullName, "postgres.log");

    public static async Task<PostgresServer> StartAsync(string binFolder, bool fsync, CancellationToken cancellationToken)
    {
        var runAs = Environment.IsPrivilegedProcess ? UnprivilegedUser() : null;
        var server = new PostgresServer(Directory.CreateTempSubdirectory("intake-bench-pg-"), binFolder, runAs);
        try
        {
            await server.InitializeAsync(fsync, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>User plus system CPU seconds of the server so far: the postmaster and every backend, live or ended.</summary>
    public double CpuSeconds() => ProcStats.TreeCpuSeconds(Pid);

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Timeout = 15,
            CommandTimeout = 60,
        }.ConnectionString;

    /// <summary>Creates an empty database (a plain lower-case name) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Drops a database, closing whatever is still connected to it.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            var (exitCode, _) = await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "15", "stop"], CancellationToken.None);
            if (exitCode != 0)
            {
                KillPostmaster();
            }
        }

        TryDelete(_root);
    }

    private async Task InitializeAsync(bool fsync, CancellationToken cancellationToken)
    {
        if (_runAsUser is not null)
        {
            await RunCheckedAsync("chown", ["-R", _runAsUser, _root.FullName], asServer: false, cancellationToken);
        }

        await RunCheckedAsync(
            Path.Combine(_binFolder, "initdb"), ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
            asServer: true, cancellationToken);
        var settings = new[]
        {
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{_root.FullName}'",
            "synchronous_commit = on",
            fsync ? "fsync = on" : "fsync = off",
            fsync ? "full_page_writes = on" : "full_page_writes = off",
            "max_connections = 400",
        };
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), "\n" + string.Join('\n', settings) + "\n", cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            // The port is free when picked but may be taken before the server binds it: then another.
            Port = FreePort.Next();
            var port = Port.ToString(CultureInfo.InvariantCulture);
            var (exitCode, output) = await RunToolAsync("pg_ctl", ["-D", DataFolder, "-l", LogFile, "-o", $"-p {port}", "-w", "-t", "30", "start"], cancellationToken);
            if (exitCode == 0)
            {
                break;
            }

            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, cancellationToken) : "";
            if (attempt >= StartAttempts || !log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                throw new BenchFailedException($"pg_ctl start failed (exit {exitCode}): {output}\n{log}");
            }
        }

        Pid = int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var (_, version) = await RunToolAsync("postgres", ["--version"], cancellationToken);
        Description = $"{version.Trim()}, a server of the bench's own, synchronous_commit on, "
            + (fsync ? "fsync on" : "fsync and full_page_writes off (the WAL is written, not forced to disk)")
            + ", max_connections 400, the rest at its defaults";
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<(int ExitCode, string Output)> RunToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        PostgresTool.RunAsync(Path.Combine(_binFolder, tool), arguments, _runAsUser, ToolTimeout, cancellationToken);

    private async Task RunCheckedAsync(string file, string[] arguments, bool asServer, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await PostgresTool.RunAsync(file, arguments, asServer ? _runAsUser : null, ToolTimeout, cancellationToken);
        if (exitCode != 0)
        {
            throw new BenchFailedException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed (exit {exitCode}): {output}");
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // Quick and synchronous: no pg_ctl, just the signal, to the postmaster and its backends.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            KillPostmaster();
            TryDelete(_root);
        }
    }

    private void KillPostmaster()
    {
        try
        {
            using var postmaster = System.Diagnostics.Process.GetProcessById(Pid);
            postmaster.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    // The distribution's postgres account if the server package made one, else nobody.
    private static string UnprivilegedUser() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
}
