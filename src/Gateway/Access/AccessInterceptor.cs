using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Governance.Gateway.Access;

/// <summary>
/// Every call passes here first: no token or a bad one is UNAUTHENTICATED, a role the method's permission does
/// not name is PERMISSION_DENIED, each with the reason. The caller is then in the call's context for the service.
/// </summary>
public sealed class AccessInterceptor(AccessTokens tokens) : Interceptor
{
    private const string BearerPrefix = "Bearer ";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AdmitAsync(ServerCallContext context)
    {
        if (!RpcPermissions.ByMethod.TryGetValue(context.Method, out var permission))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"{context.Method} is open to no one: it has no entry in the gateway's permissions"));
        }

        if (permission.Anonymous)
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (string.IsNullOrEmpty(header))
        {
            throw Unauthenticated("no bearer token: send the header 'authorization: Bearer <token>' (without Auth:SigningKey the silo prints a development token at start)");
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            throw Unauthenticated("the header must read 'Bearer <token>'");
        }

        var (caller, refusal) = await tokens.CheckAsync(header[BearerPrefix.Length..].Trim());
        if (caller is null)
        {
            throw Unauthenticated(refusal);
        }

        if (!permission.Roles.Overlaps(caller.Roles))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{caller} may not call {MethodNames.Spoken(context.Method)}; it is for {string.Join(", ", Roles.All.Where(permission.Roles.Contains))}"));
        }

        context.UserState[typeof(Caller)] = caller;
    }

    private static RpcException Unauthenticated(string reason) =>
        new(new Status(StatusCode.Unauthenticated, $"authorization: {reason}"));
}
