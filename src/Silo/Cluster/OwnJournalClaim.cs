using Microsoft.Extensions.Hosting;

namespace Governance.Silo.Cluster;

/// <summary>Claims this silo's intake journal once the silo has joined the cluster and before intake starts.</summary>
internal sealed class OwnJournalClaim(JournalRecovery recovery) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => recovery.ClaimOwnAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
