using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Governance.Gateway.Errors;

/// <summary>
/// Turns failures behind the edge into statuses a client can act on: a store or cluster that does not
/// answer is UNAVAILABLE (retry: nothing was acknowledged), anything else INTERNAL with the details in
/// the log, never in the response. A refusal too long to send is cut to size (<see cref="StatusBounds"/>).
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex) when (StatusBounds.Exceeded(ex))
        {
            throw StatusBounds.Bound(ex);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (RpcException ex) when (StatusBounds.Exceeded(ex))
        {
            throw StatusBounds.Bound(ex);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RpcException ex) when (StatusBounds.Exceeded(ex))
        {
            throw StatusBounds.Bound(ex);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (RpcException ex) when (StatusBounds.Exceeded(ex))
        {
            throw StatusBounds.Bound(ex);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        if (ex is not OperationCanceledException && StreamErrors.TryTranslate(ex) is { } intake)
        {
            return intake;
        }

        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        if (TransientFailures.Is(ex))
        {
            LogUnavailable(logger, context.Method, ex);
            return new RpcException(new Status(
                StatusCode.Unavailable,
                "The store or the cluster did not answer; nothing was acknowledged. Retry with the same external_id."));
        }

        LogFailure(logger, context.Method, ex);
        return new RpcException(new Status(StatusCode.Internal, "The server failed to handle the call; it has been logged."));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} could not reach the store or cluster")]
    private static partial void LogUnavailable(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    private static partial void LogFailure(ILogger logger, string method, Exception exception);
}
