using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Governance.Gateway.Access;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Governance.Gateway.Limits;

/// <summary>
/// Holds each client to its rate (<see cref="CallRateLimiter"/>): a call over it is RESOURCE_EXHAUSTED, saying whose
/// rate, which setting, and (in a google.rpc.RetryInfo) when to try again. Runs after access, so a client is the
/// subject of a checked token, not whatever a caller claims.
/// </summary>
public sealed class RateLimitInterceptor(CallRateLimiter limiter) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        var client = context.UserState.TryGetValue(typeof(Caller), out var caller) && caller is Caller known
            ? known.Subject
            : $"address {PeerAddress(context.Peer)}";
        if (limiter.Refuse(client) is not { } retryAfter)
        {
            return;
        }

        var options = limiter.Options;
        throw new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"'{client}' called more than {options.CallsPerSecond} times a second (bursts of {options.Burst}; {RateLimitOptions.Section}); "
                + $"retry in {Math.Ceiling(retryAfter.TotalMilliseconds)} ms",
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
        }.ToRpcException();
    }

    // "ipv4:127.0.0.1:50123" → "127.0.0.1": every connection from one host shares its bucket.
    private static string PeerAddress(string peer)
    {
        var withoutScheme = peer.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? peer[(colon + 1)..] : peer;
        return withoutScheme.LastIndexOf(':') is var port and > 0 ? withoutScheme[..port] : withoutScheme;
    }
}
