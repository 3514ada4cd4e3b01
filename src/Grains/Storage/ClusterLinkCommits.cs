using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;

namespace Governance.Grains.Storage;

/// <summary>
/// Commits the report links gathering on every live silo. Each silo's store batches the links its cells add, and only
/// it can commit them; a case read elsewhere right after its report needs them stored to find its opening. Alone on
/// one silo this is the local store's <see cref="IReportLinkStore.StoredAsync"/>.
/// </summary>
public sealed partial class ClusterLinkCommits(
    IServiceProvider services,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IReportLinkStore links,
    ILogger<ClusterLinkCommits> logger) : GrainServiceClient<ILinkCommitService>(services)
{
    /// <summary>
    /// Completes once every link added before the call on any silo that is active is stored. A silo that dies meanwhile
    /// is passed over: its links come back when its journal is replayed.
    /// </summary>
    public async Task StoredEverywhereAsync()
    {
        var others = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(localSilo.SiloAddress))
            .Select(member => StoredOnAsync(member.SiloAddress));
        await Task.WhenAll(others.Append(links.StoredAsync()));
    }

    private async Task StoredOnAsync(SiloAddress silo)
    {
        try
        {
            await GetGrainService(silo).StoredAsync();
        }
        catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
        {
            LogSiloPassedOver(logger, silo, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report links on {Silo} could not be committed from here; passed over")]
    private static partial void LogSiloPassedOver(ILogger logger, SiloAddress silo, Exception exception);
}
