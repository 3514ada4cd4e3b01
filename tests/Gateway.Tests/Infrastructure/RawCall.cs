using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>
/// Calls any RPC from its descriptor with the request as raw bytes, whatever its kind, and answers the status it ended
/// with: for tests that go over every method of the contract.
/// </summary>
internal static class RawCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <summary>
    /// Sends <paramref name="request"/> (to a stream: that one message, then its end; null: an empty message, or a
    /// stream ended at once) and reads at most <paramref name="maxResponses"/> messages of a response stream: a live
    /// feed never ends by itself.
    /// </summary>
    public static async Task<Status> RunAsync(CallInvoker invoker, MethodDescriptor method, byte[]? request, TimeSpan timeout, int maxResponses)
    {
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var call = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow + timeout);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(call, null, options, request ?? []);
                    break;
                case MethodType.ServerStreaming:
                    using (var download = invoker.AsyncServerStreamingCall(call, null, options, request ?? []))
                    {
                        await ReadAsync(download.ResponseStream, maxResponses);
                    }

                    break;
                case MethodType.ClientStreaming:
                    using (var upload = invoker.AsyncClientStreamingCall(call, null, options))
                    {
                        await WriteAsync(upload.RequestStream, request);
                        await upload.RequestStream.CompleteAsync();
                        await upload;
                    }

                    break;
                default:
                    using (var duplex = invoker.AsyncDuplexStreamingCall(call, null, options))
                    {
                        await WriteAsync(duplex.RequestStream, request);
                        await duplex.RequestStream.CompleteAsync();
                        await ReadAsync(duplex.ResponseStream, maxResponses);
                    }

                    break;
            }

            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }

    private static async Task WriteAsync(IClientStreamWriter<byte[]> requests, byte[]? request)
    {
        if (request is not null)
        {
            await requests.WriteAsync(request);
        }
    }

    private static async Task ReadAsync(IAsyncStreamReader<byte[]> responses, int max)
    {
        for (var n = 0; n < max && await responses.MoveNext(CancellationToken.None); n++)
        {
        }
    }
}
