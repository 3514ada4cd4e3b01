using Governance.Contracts.Audit;

namespace Governance.Grains.Storage;

/// <summary>Where reads of full profiles are kept for audit, append-only.</summary>
public interface IProfileReadLog
{
    Task LogAsync(ProfileRead read, CancellationToken cancellationToken = default);

    /// <summary>One page of reads matching every filter set, newest first.</summary>
    Task<IReadOnlyList<ProfileRead>> ListAsync(ProfileReadQuery query, CancellationToken cancellationToken = default);
}
