using Governance.Gateway.Tests.Infrastructure;
using Npgsql;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>Waiting for a cluster of silo processes to form, as its membership table and each silo's metrics show it.</summary>
internal static class ClusterHarness
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private const int ActiveStatus = 3;

    // A dead silo declared so in about 2.5 s rather than about 5 s (ClusterMembershipOptions; measured on loopback).
    public static readonly string[] FastLiveness = [
        "--Orleans:Liveness:ProbeTimeout=00:00:02", "--Orleans:Liveness:TableRefreshTimeout=00:00:05",
        "--Orleans:Liveness:IAmAliveTablePublishTimeout=00:00:05", "--Orleans:Liveness:DeathVoteExpirationTimeout=00:00:30"];

    /// <summary>Polls the membership table until exactly <paramref name="count"/> silos are Active, or the timeout passes.</summary>
    public static async Task<List<string>> WaitForActiveSilosAsync(string connectionString, int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var active = new List<string>();
        while (DateTimeOffset.UtcNow < deadline)
        {
            active = await ReadActiveSilosAsync(connectionString);
            if (active.Count == count)
            {
                return active;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"{active.Count} silos Active in OrleansMembershipTable after {timeout}, expected {count}.");
    }

    /// <summary>
    /// Polls the reminders table until it holds <paramref name="count"/> reminders, and answers the keys of their grains
    /// ("watch:deadlines"), one per reminder, in order.
    /// </summary>
    public static async Task<List<string>> WaitForRemindersAsync(string connectionString, int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var keys = new List<string>();
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                // A grain id's string form is "<type>/<key>".
                await using var command = new NpgsqlCommand("SELECT split_part(grainid, '/', 2) FROM orleansreminderstable ORDER BY 1", connection);
                keys = [];
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    keys.Add(reader.GetString(0));
                }
            }

            if (keys.Count >= count)
            {
                return keys;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"{keys.Count} reminders in OrleansRemindersTable after {timeout}, expected {count}.");
    }

    /// <summary>Polls a silo's /metrics until its grain directory ring (its view of the cluster) holds <paramref name="count"/> silos.</summary>
    public static async Task WaitForDirectoryRingAsync(SiloProcess silo, int count, TimeSpan timeout)
    {
        using var web = new HttpClient { BaseAddress = new Uri(silo.WebAddress) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        var size = double.NaN;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var metrics = await web.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            size = metrics.Split('\n')
                .Where(line => line.StartsWith("orleans_directory_ring_size", StringComparison.Ordinal))
                .Select(SampleValue)
                .DefaultIfEmpty(double.NaN)
                .First();
            if (size == count)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"The silo at {silo.WebAddress} sees a directory ring of {size} silos after {timeout}, expected {count}.");
    }

    /// <summary>The value of a Prometheus sample line: <c>name{labels} value [timestamp]</c> or <c>name value [timestamp]</c>.</summary>
    private static double SampleValue(string line)
    {
        var afterName = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
        return double.Parse(afterName.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ReadActiveSilosAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT address FROM orleansmembershiptable WHERE status = @status ORDER BY port", connection);
        command.Parameters.AddWithValue("status", ActiveStatus);
        var addresses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            addresses.Add(reader.GetString(0));
        }

        return addresses;
    }

    /// <summary>Polls until a survivor has replayed the journal and dropped its owner row, or the timeout passes.</summary>
    public static async Task WaitForJournalRecoveredAsync(string connectionString, string journal, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM gov_intake_journal_owner WHERE journal = @journal", connection);
            command.Parameters.AddWithValue("journal", journal);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"Journal {journal} was not replayed by a survivor within {timeout}.");
    }

    /// <summary>Entries of the journal (all journals when null) after its checkpoint.</summary>
    public static async Task<long> UncheckpointedAsync(string connectionString, string? journal = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM gov_intake_journal j WHERE (@journal IS NULL OR j.journal = @journal) "
            + "AND j.seq > COALESCE((SELECT seq FROM gov_intake_checkpoint c WHERE c.journal = j.journal), 0)", connection);
        command.Parameters.Add(new NpgsqlParameter("journal", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)journal ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Polls until every journal is checkpointed to its end: each report acknowledged is then stored by the cell that
    /// took it, or by the one that took it again when a pipeline replayed after finding a cell's activation lost.
    /// </summary>
    public static async Task WaitForAllCheckpointedAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        long left;
        while ((left = await UncheckpointedAsync(connectionString)) > 0)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{left} journal entries were still after their checkpoint {timeout} after the load stopped.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
