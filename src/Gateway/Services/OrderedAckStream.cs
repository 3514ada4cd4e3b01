using System.Threading.Channels;
using Governance.Gateway.Errors;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>
/// The shape of every intake stream: read requests, take each (concurrently, up to a window), and write one
/// ack per request in the order the requests came. When the window is full the stream stops reading, so HTTP/2
/// flow control slows the client down. A frame that cannot be read ends the stream with its status, after the
/// acks of everything read before it; so does a take that fails instead of answering with a rejection.
/// </summary>
internal static class OrderedAckStream
{
    private const int Window = 256;

    public static async Task RunAsync<TRequest, TAck>(
        IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TAck> acks, Func<TRequest, CancellationToken, Task<TAck>> take, CancellationToken cancellation)
    {
        var inFlight = Channel.CreateBounded<Task<TAck>>(new BoundedChannelOptions(Window) { SingleReader = true, SingleWriter = true });
        // Once the acks fail, reading stops too: otherwise it would go on until the window filled and then wait for ever.
        using var acksFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var acknowledging = AcknowledgeInOrderAsync(inFlight.Reader, acks, acksFailed, cancellation);
        Exception? readFailure = null;
        try
        {
            await foreach (var request in requests.ReadAllAsync(acksFailed.Token))
            {
                await inFlight.Writer.WriteAsync(take(request, cancellation), acksFailed.Token);
            }
        }
        catch (OperationCanceledException) when (acksFailed.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // The acks' own failure ends the stream, below.
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

    private static async Task AcknowledgeInOrderAsync<TAck>(
        ChannelReader<Task<TAck>> inFlight, IServerStreamWriter<TAck> acks, CancellationTokenSource acksFailed, CancellationToken cancellation)
    {
        try
        {
            await foreach (var ack in inFlight.ReadAllAsync(cancellation))
            {
                await acks.WriteAsync(await ack, cancellation);
            }
        }
        catch
        {
            await acksFailed.CancelAsync();
            throw;
        }
    }
}
