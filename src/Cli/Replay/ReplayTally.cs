using System.Collections.Concurrent;
using Governance.Cli.Conversion;
using Governance.Contracts.V1;

namespace Governance.Cli.Replay;

/// <summary>
/// The running counts of a replay, updated from the reading loop and every stream at once, and read by the progress
/// display. Counters are plain interlocked longs: a snapshot may be a few rows apart between two counters, never wrong.
/// </summary>
public sealed class ReplayTally(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly ConcurrentDictionary<string, byte> _mergedInto = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Field, string Reason), long> _localReasons = new();
    private readonly ConcurrentDictionary<(string Field, string Reason), long> _serverReasons = new();
    private long _rowsRead;
    private long _sent;
    private long _acknowledged;
    private long _created;
    private long _merged;
    private long _retries;
    private long _otherOutcomes;
    private long _rejectedLocally;
    private long _rejectedByServer;
    private double _fractionRead;
    private long? _finished;

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    /// <summary>A row was read from the file; <paramref name="fractionRead"/> is how far through the file that is.</summary>
    public void RowRead(double fractionRead)
    {
        Interlocked.Increment(ref _rowsRead);
        Volatile.Write(ref _fractionRead, fractionRead);
    }

    /// <summary>The file is read to its end (or to the limit).</summary>
    public void ReadingDone() => Volatile.Write(ref _fractionRead, 1);

    public void Sent() => Interlocked.Increment(ref _sent);

    /// <summary>A row was not sent: these are the reasons.</summary>
    public void RejectedLocally(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        Interlocked.Increment(ref _rejectedLocally);
        foreach (var violation in violations)
        {
            _localReasons.AddOrUpdate((violation.Field, violation.Reason), 1, (_, n) => n + 1);
        }
    }

    /// <summary>An ack came for a sent report; <paramref name="violations"/> are the server's reasons when it was rejected.</summary>
    public void Acknowledged(ReportAck ack, IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(ack);
        ArgumentNullException.ThrowIfNull(violations);
        Interlocked.Increment(ref _acknowledged);
        switch (ack.Outcome)
        {
            case ReportOutcome.Created:
                Interlocked.Increment(ref _created);
                break;
            case ReportOutcome.Merged:
                Interlocked.Increment(ref _merged);
                _mergedInto.TryAdd(ack.CaseId, 0);
                break;
            case ReportOutcome.Retry:
                Interlocked.Increment(ref _retries);
                break;
            case ReportOutcome.Rejected:
                Interlocked.Increment(ref _rejectedByServer);
                foreach (var violation in violations)
                {
                    _serverReasons.AddOrUpdate((violation.Field, ReasonPattern.Generalise(violation.Reason)), 1, (_, n) => n + 1);
                }

                break;
            default:
                Interlocked.Increment(ref _otherOutcomes);
                break;
        }
    }

    /// <summary>Stops the clock: the snapshots after this show the replay's whole elapsed time.</summary>
    public void Finish() => _finished ??= time.GetTimestamp();

    public ReplaySnapshot Snapshot() => new()
    {
        RowsRead = Interlocked.Read(ref _rowsRead),
        Sent = Interlocked.Read(ref _sent),
        Acknowledged = Interlocked.Read(ref _acknowledged),
        Created = Interlocked.Read(ref _created),
        Merged = Interlocked.Read(ref _merged),
        MergedIntoCases = _mergedInto.Count,
        Retries = Interlocked.Read(ref _retries),
        OtherOutcomes = Interlocked.Read(ref _otherOutcomes),
        RejectedLocally = Interlocked.Read(ref _rejectedLocally),
        RejectedByServer = Interlocked.Read(ref _rejectedByServer),
        LocalReasons = Ranked(_localReasons),
        ServerReasons = Ranked(_serverReasons),
        Elapsed = time.GetElapsedTime(_started, _finished ?? time.GetTimestamp()),
        FractionRead = Volatile.Read(ref _fractionRead),
    };

    private static ReasonCount[] Ranked(ConcurrentDictionary<(string Field, string Reason), long> reasons) =>
        reasons.Select(r => new ReasonCount(r.Key.Field, r.Key.Reason, r.Value))
            .OrderByDescending(r => r.Rows)
            .ThenBy(r => r.Field, StringComparer.Ordinal)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToArray();
}
