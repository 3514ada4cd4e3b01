using Governance.Contracts;
using Governance.Grains.Watches;
using Governance.Silo.Storage;
using Governance.Silo.Tests.Storage;
using Governance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Governance.Silo.Tests.Cluster;

/// <summary>
/// A cluster's watches run on Orleans reminders kept in PostgreSQL through the ADO.NET provider, on the schema this
/// project writes (16_orleans_reminders.sql): the reminder is stored once, fires, survives being asked for again, and
/// its row goes when it is unregistered.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class WatchReminderTests(PostgresFixture postgres)
{
    private const string WatchName = "probe";
    private static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task AWatchOnAnAdoNetReminder_IsStoredOnce_AndChecksEveryPeriod_AndAskingAgainKeepsItsSchedule()
    {
        PostgresAvailability.SkipIfMissing();
        using var target = await StorageCluster.PrepareAsync(() => StorageTarget.NewPostgresAsync(postgres));
        var serviceId = StorageCluster.NewServiceId("reminders");
        var cluster = await StartAsync(target, serviceId);
        try
        {
            var watch = (CountingWatch)cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IWatch>(WatchName);
            var grain = cluster.Client.GetGrain<IWatchGrain>(GrainKeys.Watch(WatchName));

            await grain.EnsureScheduledAsync();
            var stored = await RowsAsync(target, serviceId);
            await grain.EnsureScheduledAsync();

            var row = Assert.Single(stored);
            Assert.Equal((GrainKeys.Watch(WatchName), 1_000L), (row.GrainKey, row.PeriodMilliseconds));
            // Asked again (as every silo does at start), the reminder is not written again, so its next tick is not put off.
            Assert.Equal(stored, await RowsAsync(target, serviceId));
            await watch.WaitForChecksAsync(3, TickTimeout);
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        // A silo started on the same service reads the stored reminder and runs the watch again without being asked.
        var restarted = await StartAsync(target, serviceId);
        try
        {
            var watch = (CountingWatch)restarted.Silos[0].ServiceProvider.GetRequiredKeyedService<IWatch>(WatchName);
            await watch.WaitForChecksAsync(2, TickTimeout);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    private static async Task<InProcessTestCluster> StartAsync(StorageTarget target, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        var connection = target.Options.GetConnection();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGovernanceStorage(target.Options);
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = connection.Invariant;
                options.ConnectionString = connection.ConnectionString;
            });
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddKeyedSingleton<IWatch>(WatchName, new CountingWatch());
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<List<(string GrainKey, long PeriodMilliseconds, int Version)>> RowsAsync(StorageTarget target, string serviceId)
    {
        var rows = await Sql.QueryAsync(target.Connection,
            $"SELECT grainid, period, version FROM orleansreminderstable WHERE serviceid = '{serviceId}' ORDER BY grainid");
        // The grain id's string form is "<type>/<key>".
        return [.. rows.Select(r => (((string)r[0]!)[(((string)r[0]!).IndexOf('/', StringComparison.Ordinal) + 1)..], Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(r[2], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>A watch that counts its checks.</summary>
    private sealed class CountingWatch : IWatch
    {
        private int _checks;

        public string Does => "counted";

        public TimeSpan Every => TimeSpan.FromSeconds(1);

        public Task<int> CheckAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _checks);
            return Task.FromResult(0);
        }

        public async Task WaitForChecksAsync(int count, TimeSpan timeout)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref _checks) < count)
            {
                Assert.True(waited.Elapsed < timeout, $"The watch checked {_checks} times in {timeout.TotalSeconds} s, not {count}.");
                await Task.Delay(100);
            }
        }
    }
}
