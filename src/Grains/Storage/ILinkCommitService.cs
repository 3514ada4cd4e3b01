using Orleans.Services;

namespace Governance.Grains.Storage;

/// <summary>
/// One per silo: commits the links that silo's report link store is still gathering. A case read on one silo may have
/// been opened by a cell on another, whose links only that silo can commit (<see cref="ClusterLinkCommits"/>).
/// </summary>
public interface ILinkCommitService : IGrainService
{
    /// <summary>Completes once every link added on this silo before the call is stored.</summary>
    Task StoredAsync();
}
