using System.Data;
using Governance.Intake.Pipeline;
using Governance.Silo.Cluster;
using Governance.Silo.Storage;
using Governance.Silo.Tests.Storage;
using Governance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Governance.Silo.Tests.Cluster;

/// <summary>
/// A silo takes over the journals of gateways whose leases ran out. One journal that cannot be replayed (an entry
/// unreadable here) must not keep the others from being replayed: their reports were acknowledged too.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class JournalRecoveryTests(PostgresFixture postgres)
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);

    [SkippableFact]
    public async Task AJournalThatCannotBeReplayed_IsKeptForTheNextCheck_AndTheOthersAreRecovered()
    {
        PostgresAvailability.SkipIfMissing();
        using var target = await StorageCluster.PrepareAsync(() => StorageTarget.NewPostgresAsync(postgres));
        var cluster = await StorageCluster.StartAsync(target, StorageCluster.NewServiceId("recovery"));
        try
        {
            var owners = new JournalOwners(target.Options);
            // Listed in name order: the broken one comes first.
            Assert.True(await owners.ClaimLeaseAsync("gateway-a-broken", "gateway a", ShortLease, default));
            Assert.True(await owners.ClaimLeaseAsync("gateway-b-empty", "gateway b", ShortLease, default));
            await Sql.ExecuteAsync(target.Connection,
                "INSERT INTO gov_intake_journal (journal, seq, cell, body) VALUES ('gateway-a-broken', 1, 'cell-1', 'not a report')");
            await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(500));

            var services = cluster.Silos[0].ServiceProvider;
            var intake = new IntakeOptions { JournalName = "silo-own" };
            var grains = services.GetRequiredService<IGrainFactory>();
            var own = new IntakePipeline(new SqlIntakeJournal(target.Options, intake.JournalName), grains, Options.Create(intake), TimeProvider.System,
                NullLogger<IntakePipeline>.Instance);
            await using var _ = own;
            var recovery = new JournalRecovery(owners, target.Options, intake, own, grains, services.GetRequiredService<IClusterMembershipService>(),
                services.GetRequiredService<ILocalSiloDetails>(), TimeProvider.System, NullLoggerFactory.Instance);

            Assert.Equal(1, await recovery.CheckAsync());

            var left = Assert.Single(await owners.ListAsync(default));
            Assert.Equal("gateway-a-broken", left.Journal);
            // This silo holds it now, and tries it again at its next check.
            Assert.Equal(services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString(), left.Silo);
            Assert.Equal(0, await recovery.CheckAsync());
            Assert.Equal("gateway-a-broken", Assert.Single(await owners.ListAsync(default)).Journal);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
