using System.Collections.Concurrent;
using System.Diagnostics;
using Governance.Contracts.V1;
using Grpc.Core;

namespace Governance.Intake.Bench.Load;

/// <summary>
/// One bidirectional stream: a writer sends reports (as fast as the window allows, or paced), a reader takes
/// the acks and checks that each one answers the oldest report still in flight: one ack per report, in order.
/// </summary>
public sealed class StreamDriver : IDisposable
{
    private const int RememberedReports = 4096;

    /// <summary>How many of the cases its reports opened a stream keeps, for reads after the load.</summary>
    private const int KeptCases = 256;

    private readonly int _index;
    private readonly PhasePlan _plan;
    private readonly ReportFactory _factory;
    private readonly Random _random;
    private readonly SemaphoreSlim _window;
    private readonly ConcurrentQueue<InFlight> _inFlight = new();
    private readonly ReportRequest?[] _acked = new ReportRequest?[RememberedReports];
    private long _ackedTotal;

    public StreamDriver(int index, PhasePlan plan, ReportFactory factory, Random random)
    {
        _index = index;
        _plan = plan;
        _factory = factory;
        _random = random;
        _window = new SemaphoreSlim(plan.Window, plan.Window);
        PerSecond = new int[plan.TimelineSeconds];
        WorstPerTenth = new long[plan.TimelineSeconds * 10];
        AcceptedPerTenth = new int[plan.TimelineSeconds * 10];
        RejectedPerTenth = new int[plan.TimelineSeconds * 10];
    }

    public long Sent { get; private set; }

    public long DuplicatesSent { get; private set; }

    public long Acked => Interlocked.Read(ref _ackedTotal);

    public long AckedInWindow { get; private set; }

    /// <summary>Send-to-ack times (Stopwatch ticks) of the acks that arrived in the measuring window.</summary>
    public List<long> Latencies { get; } = new(1 << 16);

    /// <summary>Acks per second since the phase started.</summary>
    public int[] PerSecond { get; }

    /// <summary>The longest send-to-ack time (Stopwatch ticks) of the acks measured in each tenth of a second since the phase started.</summary>
    public long[] WorstPerTenth { get; }

    /// <summary>Acks that were not rejections, per tenth of a second since the phase started: when reports went through.</summary>
    public int[] AcceptedPerTenth { get; }

    /// <summary>Acks that were rejections, per tenth of a second since the phase started.</summary>
    public int[] RejectedPerTenth { get; }

    /// <summary>The first cases this stream's reports opened (at most <see cref="KeptCases"/>).</summary>
    public List<string> CreatedCases { get; } = [];

    /// <summary>Acks by <see cref="ReportOutcome"/> value.</summary>
    public long[] Outcomes { get; } = new long[8];

    /// <summary>The first rejection's external id and error, to show what was wrong.</summary>
    public string? FirstRejection { get; private set; }

    /// <summary>Runs the stream to the end of the phase; throws <see cref="BenchFailedException"/> on any broken promise.</summary>
    public async Task RunAsync(Func<CancellationToken, AsyncDuplexStreamingCall<ReportRequest, ReportAck>> open, CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Nothing may hang: a writer held by flow control or a server that stops answering ends at this deadline.
        abort.CancelAfter(Until(_plan.MeasureUntil) + _plan.DrainTimeout);
        using var call = open(abort.Token);
        var writer = WriteAsync(call.RequestStream, abort.Token);
        var reader = ReadAsync(call.ResponseStream, abort.Token);
        try
        {
            var first = await Task.WhenAny(writer, reader);
            if (first == writer && writer.IsFaulted)
            {
                // A write fails when the call has ended; the reader then has the call's status, which says why.
                await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
                if (reader.IsFaulted)
                {
                    await reader;
                }

                await writer;
            }

            if (first == reader)
            {
                // The server ended the stream (or it broke) while we were still sending.
                await reader;
                throw new BenchFailedException($"stream {_index}: the server ended the stream while reports were still being sent");
            }

            await writer;
            await reader;
        }
        catch (Exception ex) when (abort.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            throw new BenchFailedException(
                $"stream {_index}: {_inFlight.Count} reports still without an ack {_plan.DrainTimeout.TotalSeconds:0} s after sending stopped (first: {FirstMissing()})");
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException($"stream {_index}: the call failed with {ex.StatusCode}: {ex.Status.Detail}", ex);
        }
        catch (InvalidOperationException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException($"stream {_index}: {ex.Message}", ex);
        }
        finally
        {
            await abort.CancelAsync();
            await Task.WhenAll(writer, reader).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private async Task WriteAsync(IClientStreamWriter<ReportRequest> requests, CancellationToken cancellationToken)
    {
        // Yield first so the reader starts too before this loop runs synchronously for a while.
        await Task.Yield();
        var rate = _plan.RatePerStream ?? 0;
        var paced = rate > 0;
        var interval = paced ? Stopwatch.Frequency / rate : 0;
        // Paced streams start staggered over one interval, so their sends do not line up.
        var offset = paced ? interval * _random.NextDouble() : 0;
        for (long sequence = 0; ; sequence++)
        {
            long start;
            if (paced)
            {
                var scheduled = _plan.Start + (long)(offset + (sequence * interval));
                if (scheduled >= _plan.MeasureUntil)
                {
                    break;
                }

                var early = scheduled - Stopwatch.GetTimestamp();
                if (early > Stopwatch.Frequency / 1000)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)early / Stopwatch.Frequency), cancellationToken);
                }

                if (!await _window.WaitAsync(Until(_plan.MeasureUntil), cancellationToken))
                {
                    break;
                }

                // Latency counts from when the report was due, so a send held up by a full window or a late
                // timer is charged to the server, not hidden (no coordinated omission).
                start = Math.Min(scheduled, Stopwatch.GetTimestamp());
            }
            else
            {
                if (!await _window.WaitAsync(Until(_plan.MeasureUntil), cancellationToken))
                {
                    break;
                }

                start = Stopwatch.GetTimestamp();
                if (start >= _plan.MeasureUntil)
                {
                    _window.Release();
                    break;
                }
            }

            var request = NextRequest(out var duplicate);
            _inFlight.Enqueue(new InFlight(request, start));
            await requests.WriteAsync(request, cancellationToken);
            Sent++;
            if (duplicate)
            {
                DuplicatesSent++;
            }
        }

        await requests.CompleteAsync();
    }

    private async Task ReadAsync(IAsyncStreamReader<ReportAck> acks, CancellationToken cancellationToken)
    {
        while (await acks.MoveNext(cancellationToken))
        {
            var now = Stopwatch.GetTimestamp();
            var tenth = (now - _plan.Start) * 10 / Stopwatch.Frequency;
            var ack = acks.Current;
            if (!_inFlight.TryDequeue(out var sent))
            {
                throw new BenchFailedException($"stream {_index}: an ack for '{ack.ExternalId}' came with no report in flight (one report, two acks?)");
            }

            if (!string.Equals(ack.ExternalId, sent.Request.ExternalId, StringComparison.Ordinal))
            {
                throw new BenchFailedException(
                    $"stream {_index}: ack out of order or missing: the oldest report in flight is '{sent.Request.ExternalId}', the ack is for '{ack.ExternalId}'");
            }

            _window.Release();
            var outcome = (int)ack.Outcome;
            Outcomes[outcome is >= 0 and < 8 ? outcome : 0]++;
            if (ack.Outcome == ReportOutcome.Rejected)
            {
                FirstRejection ??= $"{ack.ExternalId}: {(StatusCode)(ack.Error?.Code ?? 0)} {ack.Error?.Message}";
                if (tenth < RejectedPerTenth.Length)
                {
                    RejectedPerTenth[tenth]++;
                }
            }
            else
            {
                if (tenth < AcceptedPerTenth.Length)
                {
                    AcceptedPerTenth[tenth]++;
                }

                if (ack.Outcome == ReportOutcome.Created && CreatedCases.Count < KeptCases)
                {
                    CreatedCases.Add(ack.CaseId);
                }

                if (_plan.Duplicates > 0)
                {
                    lock (_acked)
                    {
                        _acked[Acked % RememberedReports] = sent.Request;
                    }
                }
            }

            Interlocked.Increment(ref _ackedTotal);
            var second = (now - _plan.Start) / Stopwatch.Frequency;
            if (second < PerSecond.Length)
            {
                PerSecond[second]++;
            }

            if (now >= _plan.MeasureFrom && now < _plan.MeasureUntil)
            {
                AckedInWindow++;
                Latencies.Add(now - sent.Start);
                if (tenth < WorstPerTenth.Length)
                {
                    WorstPerTenth[tenth] = Math.Max(WorstPerTenth[tenth], now - sent.Start);
                }
            }
        }

        if (!_inFlight.IsEmpty)
        {
            throw new BenchFailedException(
                $"stream {_index}: the server closed the stream with {_inFlight.Count} reports never acknowledged (first: {FirstMissing()})");
        }
    }

    // A duplicate resends a report that was already acknowledged, as a client retrying after a lost ack would.
    private ReportRequest NextRequest(out bool duplicate)
    {
        duplicate = false;
        if (_plan.Duplicates > 0 && _random.NextDouble() < _plan.Duplicates)
        {
            lock (_acked)
            {
                var known = (int)Math.Min(Acked, RememberedReports);
                if (known > 0 && _acked[_random.Next(known)] is { } earlier)
                {
                    duplicate = true;
                    return earlier;
                }
            }
        }

        return _factory.Next();
    }

    public void Dispose() => _window.Dispose();

    private static TimeSpan Until(long timestamp) =>
        TimeSpan.FromSeconds(Math.Max(0, (double)(timestamp - Stopwatch.GetTimestamp()) / Stopwatch.Frequency));

    private string FirstMissing() => _inFlight.TryPeek(out var first) ? first.Request.ExternalId : "none";

    private readonly record struct InFlight(ReportRequest Request, long Start);
}
