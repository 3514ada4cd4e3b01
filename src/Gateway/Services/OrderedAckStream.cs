using System.Threading.Channels;
using Governance.Gateway.Errors;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>
/// The shape of every intake stream: read requests, take each (concurrently, up to a window), and write one
/// ack per request in the order the requests came. When the window is full the stream stops reading, so HTTP/2
/// flow control slows the client down. A frame that cannot be read ends the stream with its status, after the
/// acks of everything read before it.
/// </summary>
internal static class OrderedAckStream
{
    private const int Window = 256;

    public static async Task RunAsync<TRequest, TAck>(
        IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TAck> acks, Func<TRequest, CancellationToken, Task<TAck>> take, CancellationToken cancellation)
    {
        var inFlight = Channel.CreateBounded<Task<TAck>>(new BoundedChannelOptions(Window) { SingleReader = true, SingleWriter = true });
        var acknowledging = AcknowledgeInOrderAsync(inFlight.Reader, acks, cancellation);
        Exception? readFailure = null;
        try
        {
            await foreach (var request in requests.ReadAllAsync(cancellation))
            {
                await inFlight.Writer.WriteAsync(take(request, cancellation), cancellation);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            readFailure = ex;
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }

        await acknowledging;
        if (readFailure is not null)
        {
            throw StreamErrors.Translate(readFailure);
        }
    }

    private static async Task AcknowledgeInOrderAsync<TAck>(ChannelReader<Task<TAck>> inFlight, IServerStreamWriter<TAck> acks, CancellationToken cancellation)
    {
        await foreach (var ack in inFlight.ReadAllAsync(cancellation))
        {
            await acks.WriteAsync(await ack, cancellation);
        }
    }
}
