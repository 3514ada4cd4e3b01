using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Intake.Journal;
using Governance.Intake.Pipeline;
using Governance.Silo.Cluster;
using Governance.Silo.Storage;
using Governance.Silo.Tests.Storage;
using Governance.TestSupport;

namespace Governance.Silo.Tests.Cluster;

/// <summary>
/// A standalone gateway's journal, held by a lease on PostgreSQL: no one else claims it while the lease runs, a silo
/// takes it once the lease has run out, and the gateway appends nothing once its hold has lapsed.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class JournalLeaseTests(PostgresFixture postgres)
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task ALeasedJournal_IsTakenByNoOne_UntilTheLeaseRunsOut_ThenBySilo()
    {
        PostgresAvailability.SkipIfMissing();
        using var target = await StorageCluster.PrepareAsync(() => StorageTarget.NewPostgresAsync(postgres));
        var owners = new JournalOwners(target.Options);

        Assert.True(await owners.ClaimLeaseAsync("gateway-1", "gateway one", ShortLease, default));
        Assert.False(await owners.ClaimLeaseAsync("gateway-1", "gateway two", ShortLease, default));
        Assert.False(await owners.TakeOverAsync("gateway-1", "gateway one", "silo-x", default));
        var held = Assert.Single(await owners.ListAsync(default));
        Assert.True(held.Leased);
        Assert.False(held.LeaseExpired);
        Assert.True(await owners.RenewLeaseAsync("gateway-1", "gateway one", ShortLease, default));

        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(500));

        Assert.True(Assert.Single(await owners.ListAsync(default)).LeaseExpired);
        Assert.True(await owners.TakeOverAsync("gateway-1", "gateway one", "silo-x", default));
        var taken = Assert.Single(await owners.ListAsync(default));
        Assert.Equal(("silo-x", false), (taken.Silo, taken.Leased));
        // The gateway that stalled learns it at its next renewal, and no lease claims a journal a silo holds.
        Assert.False(await owners.RenewLeaseAsync("gateway-1", "gateway one", ShortLease, default));
        Assert.False(await owners.ClaimLeaseAsync("gateway-1", "gateway two", ShortLease, default));
        await owners.ReleaseAsync("gateway-1", "silo-x", default);
        Assert.True(await owners.ClaimLeaseAsync("gateway-1", "gateway two", ShortLease, default));
    }

    [SkippableFact]
    public async Task AGatewayWhoseHoldLapsed_AppendsNothing()
    {
        PostgresAvailability.SkipIfMissing();
        using var target = await StorageCluster.PrepareAsync(() => StorageTarget.NewPostgresAsync(postgres));
        var hold = new JournalLeaseHold(TimeProvider.System, ShortLease);
        var journal = new LeasedJournal(new SqlIntakeJournal(target.Options, "gateway-1"), hold);

        // Never claimed.
        await Assert.ThrowsAsync<IntakeUnavailableException>(() => journal.AppendAsync([Entry(1)]));
        hold.Renewed(TimeProvider.System.GetTimestamp());
        await journal.AppendAsync([Entry(1)]);
        // Held for three quarters of the lease from the renewal's start, then lapsed.
        await Task.Delay(ShortLease * 0.75 + TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<IntakeUnavailableException>(() => journal.AppendAsync([Entry(2)]));
        hold.Renewed(TimeProvider.System.GetTimestamp());
        hold.Lose();
        await Assert.ThrowsAsync<IntakeUnavailableException>(() => journal.AppendAsync([Entry(2)]));

        Assert.Equal(1, (await journal.GetPositionAsync()).Last);
    }

    private static JournalEntry Entry(long sequence) => new(sequence, "cell-1", new IncomingReport(
        $"lease-{sequence}", ReportChannel.GridWorker, "road.pothole", "A pothole.", new GeoLocation(31.2, 121.4), DateTimeOffset.UtcNow, "worker-1"));
}
