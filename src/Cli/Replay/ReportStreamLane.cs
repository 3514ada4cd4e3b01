using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Governance.Cli.Conversion;
using Governance.Contracts.V1;
using Grpc.Core;

namespace Governance.Cli.Replay;

/// <summary>
/// One ReportStream call. Rows are queued to it, written in order, and matched to acks by position: the server
/// answers every report with one ack in the order they came, and each ack's external_id must be its report's.
/// </summary>
internal sealed class ReportStreamLane
{
    // Reports sent and not yet answered: the server works on 256 of a stream at once; a little more keeps it busy
    // while acks are on the wire, and the bound keeps a stalled server from growing this side's memory.
    private const int InFlightWindow = 512;
    private const int QueueCapacity = 1024;

    private readonly int _number;
    private readonly IntakeService.IntakeServiceClient _client;
    private readonly ReplayTally _tally;
    private readonly RejectsFile? _rejects;
    private readonly Channel<MappedRow> _queue =
        Channel.CreateBounded<MappedRow>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true });

    private long _acknowledged;

    public ReportStreamLane(int number, IntakeService.IntakeServiceClient client, ReplayTally tally, RejectsFile? rejects)
    {
        _number = number;
        _client = client;
        _tally = tally;
        _rejects = rejects;
    }

    /// <summary>Queues a mapped (not rejected) row; waits while the stream is behind.</summary>
    public ValueTask EnqueueAsync(MappedRow row, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(row, cancellationToken);

    /// <summary>No more rows: the stream is completed once the queued ones are sent.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>
    /// Sends the queued rows and receives every ack; throws when the call fails or the acks do not match.
    /// <paramref name="stop"/> (Ctrl+C) ends the sending, still waiting for the acks of what was sent.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken cancellationToken)
    {
        using var call = _client.ReportStream(cancellationToken: cancellationToken);
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var awaitingAck = Channel.CreateBounded<MappedRow>(new BoundedChannelOptions(InFlightWindow) { SingleReader = true, SingleWriter = true });
        var sending = SendAsync(call.RequestStream, awaitingAck.Writer, stop, stopSending.Token);
        ExceptionDispatchInfo? receiveFailure = null;
        try
        {
            await ReceiveAcksAsync(call.ResponseStream, awaitingAck.Reader, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // Another stream failed and this one was called off: that failure is the one to report.
            receiveFailure = ExceptionDispatchInfo.Capture(new OperationCanceledException(ex.Message, ex, cancellationToken));
        }
        catch (RpcException ex)
        {
            receiveFailure = ExceptionDispatchInfo.Capture(Failed(ex.Status.StatusCode == StatusCode.Unavailable && _acknowledged == 0
                ? $"the server could not be reached: {Describe(ex.Status)}"
                : $"the call failed with {ex.Status.StatusCode}: {Describe(ex.Status)}", ex));
        }
        catch (Exception ex)
        {
            receiveFailure = ExceptionDispatchInfo.Capture(ex);
        }

        // Normally the sending is done by now; if the server ended the call early it must not wait for room forever.
        await stopSending.CancelAsync();
        var sendFailure = await sending;
        receiveFailure?.Throw();
        if (sendFailure is not null)
        {
            throw Failed($"sending failed: {sendFailure.Message}", sendFailure);
        }
    }

    /// <summary>Writes the queued rows in order; returns why it stopped early, or null.</summary>
    private async Task<Exception?> SendAsync(
        IClientStreamWriter<ReportRequest> requests, ChannelWriter<MappedRow> awaitingAck, CancellationToken stop, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var row in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                // Registered before it is sent, so its ack always finds it.
                await awaitingAck.WriteAsync(row, cancellationToken);
                await requests.WriteAsync(row.Request!, cancellationToken);
                _tally.Sent();
            }

            await requests.CompleteAsync();
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or IOException)
        {
            // A write fails when the call has ended; the response side holds the status that says why.
            return ex;
        }
    }

    private async Task ReceiveAcksAsync(IAsyncStreamReader<ReportAck> acks, ChannelReader<MappedRow> awaitingAck, CancellationToken cancellationToken)
    {
        while (await acks.MoveNext(cancellationToken))
        {
            var ack = acks.Current;
            if (!awaitingAck.TryRead(out var row))
            {
                throw Failed($"an ack came for no report (external id '{ack.ExternalId}')");
            }

            if (ack.ExternalId != row.ExternalId)
            {
                throw Failed($"the ack for line {row.LineNumber} names external id '{ack.ExternalId}', not '{row.ExternalId}': acks are out of order");
            }

            _acknowledged++;
            var violations = ack.Outcome == ReportOutcome.Rejected ? AckErrors.Violations(ack.Error) : [];
            _tally.Acknowledged(ack, violations);
            foreach (var violation in violations)
            {
                _rejects?.Add(new Rejection(row.LineNumber, row.ExternalId, Rejection.ByServer, violation));
            }
        }

        // The server ends its side only after the client ended its own, so every report sent has been answered by now.
        if (awaitingAck.TryRead(out var unanswered))
        {
            throw Failed($"the server ended the stream without answering line {unanswered.LineNumber} (external id '{unanswered.ExternalId}')");
        }
    }

    /// <summary>The status's detail, and the root cause the client library found (e.g. "Connection refused"), if any.</summary>
    private static string Describe(Grpc.Core.Status status)
    {
        var cause = status.DebugException;
        while (cause?.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return cause is null || status.Detail.Contains(cause.Message, StringComparison.Ordinal)
            ? status.Detail
            : $"{status.Detail} {cause.Message}";
    }

    private ReplayFailedException Failed(string message, Exception? inner = null) =>
        new($"stream {_number}: {message} (after {_acknowledged} acks)", inner);
}
