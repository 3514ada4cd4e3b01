using System.Collections.Immutable;

namespace Governance.Contracts.Audit;

/// <summary>The audit log of full-profile reads, from any silo. A stateless worker. Key it 0.</summary>
[Alias("IProfileReadLogGrain")]
public interface IProfileReadLogGrain : IGrainWithIntegerKey
{
    /// <summary>Logs the read; it returns once the row is stored, so no full file leaves the gateway unlogged.</summary>
    [Alias("Log")]
    Task LogAsync(ProfileRead read);

    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<ProfileRead>> ListAsync(ProfileReadQuery query);
}
