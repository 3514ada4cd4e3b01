using Microsoft.Extensions.Logging;

namespace Governance.Grains.Storage;

/// <summary>The silo's <see cref="ILinkCommitService"/>, over its own <see cref="IReportLinkStore"/>.</summary>
[Orleans.Concurrency.Reentrant]
public sealed class LinkCommitService(GrainId id, Silo silo, ILoggerFactory loggerFactory, IReportLinkStore links)
    : GrainService(id, silo, loggerFactory), ILinkCommitService
{
    public Task StoredAsync() => links.StoredAsync();
}
