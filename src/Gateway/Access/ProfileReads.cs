using Governance.Contracts.Audit;
using Grpc.Core;

namespace Governance.Gateway.Access;

/// <summary>Writes the audit log's row for a full file answered to a caller.</summary>
public static class ProfileReads
{
    public static Task LogAsync(IGrainFactory grains, Caller caller, string residentId, ServerCallContext context, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(context);
        var roles = string.Join(' ', caller.Roles.Order(StringComparer.Ordinal));
        return grains.GetGrain<IProfileReadLogGrain>(0).LogAsync(new ProfileRead(caller.Subject, caller.Name, roles, residentId, MethodNames.Spoken(context.Method), at));
    }
}
