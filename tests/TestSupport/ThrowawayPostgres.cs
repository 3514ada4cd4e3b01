using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Governance.TestSupport;

/// <summary>
/// A private PostgreSQL server for tests, started from the installed binaries in a temp folder: trust auth,
/// UTF8, loopback only on a free port, its unix socket inside the folder, no fsync. When the tests run as root
/// it runs as the <c>postgres</c> account (or <c>nobody</c>), since PostgreSQL refuses root. Dispose stops it
/// and deletes the folder.
/// </summary>
public sealed partial class ThrowawayPostgres : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private const int StartAttempts = 3;

    private readonly TempFolder _root;
    private readonly string _binFolder;
    private readonly string? _runAsUser;
    private int _disposed;

    private ThrowawayPostgres(TempFolder root, string binFolder, string? runAsUser)
    {
        _root = root;
        _binFolder = binFolder;
        _runAsUser = runAsUser;
        // A crashed or aborted test run must not leave a server behind.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string for the built-in <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>The server log, for diagnosing a failed start.</summary>
    public string LogFile => _root.Combine("postgres.log");

    private string DataFolder => _root.Combine("data");

    /// <summary>
    /// Starts a server and waits (at most ~30 s) until it accepts connections.
    /// Skips the test, or fails it under GOVERNANCE_REQUIRE_POSTGRES=1, when the binaries are missing.
    /// </summary>
    /// <param name="commitsSurviveRestart">
    /// Commits answered only once their WAL is written (synchronous_commit on), for tests that stop the server as a crash
    /// would: by default a commit is answered before, which is faster, and the last ones are lost in such a stop.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ThrowawayPostgres> StartAsync(bool commitsSurviveRestart = false, CancellationToken cancellationToken = default)
    {
        PostgresAvailability.SkipIfMissing();
        var runAs = Environment.IsPrivilegedProcess ? PickUnprivilegedUser() : null;
        var server = new ThrowawayPostgres(new TempFolder("governance-pg"), PostgresAvailability.BinFolder!, runAs);
        try
        {
            await server.InitializeAsync(commitsSurviveRestart, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Timeout = 15,
            CommandTimeout = 60,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string. Names are lower case letters, digits and _.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name: use 1-63 lower case letters, digits and _.", nameof(name));
        }

        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return ConnectionStringFor(name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        // Pooled connections would point at a dead server (and at a port another test may reuse).
        NpgsqlConnection.ClearAllPools();
        await StopAsync().ConfigureAwait(false);
        _root.Dispose();
    }

    private async Task InitializeAsync(bool commitsSurviveRestart, CancellationToken cancellationToken)
    {
        var socketFolder = _root.Combine("socket");
        Directory.CreateDirectory(socketFolder);
        if (_runAsUser is not null)
        {
            await RunAsync("chown", ["-R", _runAsUser, _root.Path], asServerUser: false).ConfigureAwait(false);
        }

        await RunToolAsync("initdb", ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"])
            .ConfigureAwait(false);

        var settings = string.Join('\n',
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{socketFolder}'",
            "fsync = off",
            commitsSurviveRestart ? "synchronous_commit = on" : "synchronous_commit = off",
            "full_page_writes = off",
            "max_connections = 300",
            "shared_buffers = 32MB");
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), $"\n{settings}\n", cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The port is free when picked but may be taken before the server binds it: retry with another.
            Port = FreePort.Next();
            var (exitCode, output) = await StartServerAsync().ConfigureAwait(false);
            if (exitCode == 0)
            {
                break;
            }

            var log = ReadLog();
            if (attempt < StartAttempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new InvalidOperationException($"pg_ctl start failed (exit {exitCode}): {output}\nServer log:\n{log}");
        }

        await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the server at once, as a crash would (every connection drops, nothing is shut down cleanly), leaves it down
    /// for <paramref name="downtime"/>, and starts it again on the same port.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "15", "stop"]).ConfigureAwait(false);
        await Task.Delay(downtime, cancellationToken).ConfigureAwait(false);
        var (exitCode, output) = await StartServerAsync().ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl start on port {Port} failed (exit {exitCode}): {output}\nServer log:\n{ReadLog()}");
        }

        await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<(int ExitCode, string Output)> StartServerAsync() => ProcessRunner.RunAsync(
        Path.Combine(_binFolder, "pg_ctl"),
        ["-D", DataFolder, "-l", LogFile, "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}", "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "start"],
        _runAsUser, _root.Path, StartTimeout + TimeSpan.FromSeconds(10));

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false");
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException($"PostgreSQL on port {Port} did not accept connections within {StartTimeout.TotalSeconds:0} s. Server log:\n{ReadLog()}", ex);
            }
        }
    }

    private async Task StopAsync()
    {
        if (!File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            return;
        }

        try
        {
            await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "15", "stop"]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            KillPostmaster();
        }
    }

    private void StopNow()
    {
        // ProcessExit handlers must be quick and synchronous: no pg_ctl, just the signal.
        KillPostmaster();
        _root.Dispose();
    }

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataFolder, "postmaster.pid");
        try
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                using var postmaster = System.Diagnostics.Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Already gone.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            StopNow();
        }
    }

    private async Task RunToolAsync(string tool, string[] arguments)
    {
        await RunAsync(Path.Combine(_binFolder, tool), arguments, asServerUser: true).ConfigureAwait(false);
    }

    private async Task RunAsync(string file, string[] arguments, bool asServerUser)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(
            file, arguments, asServerUser ? _runAsUser : null, _root.Path, StartTimeout + TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed (exit {exitCode}): {output}");
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    private static string PickUnprivilegedUser()
    {
        // The distribution's postgres account if the server package created one, else nobody.
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        return passwd.Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
