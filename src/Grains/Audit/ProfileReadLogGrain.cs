using System.Collections.Immutable;
using Governance.Contracts.Audit;
using Governance.Grains.Storage;
using Orleans.Concurrency;

namespace Governance.Grains.Audit;

/// <summary>The profile-read log (<see cref="IProfileReadLog"/>), on whichever silo is asked.</summary>
[StatelessWorker]
public sealed class ProfileReadLogGrain(IProfileReadLog log) : Grain, IProfileReadLogGrain
{
    public Task LogAsync(ProfileRead read) => log.LogAsync(read);

    public async Task<ImmutableArray<ProfileRead>> ListAsync(ProfileReadQuery query) => [.. await log.ListAsync(query)];
}
