using Grpc.Core;

namespace Governance.Gateway.Access;

public static class CallerContext
{
    /// <summary>The caller <see cref="AccessInterceptor"/> admitted to this call.</summary>
    public static Caller Caller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(typeof(Caller), out var caller) && caller is Caller admitted
            ? admitted
            : throw new InvalidOperationException($"{context.Method} was served without AccessInterceptor admitting a caller");
    }
}
