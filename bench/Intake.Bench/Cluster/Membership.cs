using Npgsql;

namespace Governance.Intake.Bench.Cluster;

/// <summary>The cluster as its database records it: Orleans' membership table and the intake journals' owners.</summary>
public sealed class Membership(string connectionString)
{
    /// <summary>Orleans' <c>SiloStatus.Active</c> in <c>orleansmembershiptable.status</c>.</summary>
    public const int Active = 3;

    /// <summary>Orleans' <c>SiloStatus.Dead</c>.</summary>
    public const int Dead = 6;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls until <paramref name="count"/> silos are Active; throws <see cref="BenchFailedException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForActiveAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var active = 0L;
        try
        {
            while ((active = await ScalarAsync("SELECT COUNT(*) FROM orleansmembershiptable WHERE status = @value", Active, deadline.Token)) != count)
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException($"{active} silos Active in orleansmembershiptable after {timeout.TotalSeconds:0} s, expected {count}");
        }
    }

    /// <summary>The status of the newest incarnation of the silo on <paramref name="siloPort"/>; 0 when it has none.</summary>
    public async Task<int> StatusAsync(int siloPort, CancellationToken cancellationToken) =>
        (int)await ScalarAsync("SELECT COALESCE((SELECT status FROM orleansmembershiptable WHERE port = @value ORDER BY generation DESC LIMIT 1), 0)", siloPort, cancellationToken);

    /// <summary>Whether <paramref name="journal"/> still has an owner row: a survivor drops it once it has replayed a dead silo's journal.</summary>
    public async Task<bool> HasJournalOwnerAsync(string journal, CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT COUNT(*) FROM gov_intake_journal_owner WHERE journal = @value", journal, cancellationToken) > 0;

    private async Task<long> ScalarAsync(string sql, object value, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
