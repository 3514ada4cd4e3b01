using System.Diagnostics;
using System.Diagnostics.Metrics;
using Governance.Contracts.Cases;
using Governance.Intake.Pipeline;
using Grpc.Core;

namespace Governance.Gateway.Operations;

/// <summary>
/// What intake takes in, as OpenTelemetry instruments on the meter <see cref="MeterName"/>: reports received, acked (by
/// outcome) and rejected (by status), and the time from receiving a report to its ack. Tags are few and fixed: never a
/// cell or a case, which would make a series each.
/// </summary>
public sealed class IntakeMetrics
{
    public const string MeterName = "Governance.Gateway";

    // Made once: an ack is counted twenty thousand times a second in a storm.
    private static readonly Dictionary<ReportOutcomeKind, string> OutcomeNames =
        Enum.GetValues<ReportOutcomeKind>().ToDictionary(kind => kind, kind => kind.ToString().ToLowerInvariant());

    private readonly Counter<long> _received;
    private readonly Counter<long> _acked;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _ackSeconds;

    public IntakeMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("gov.reports.received", "{report}", "Reports taken in by the gateway, valid or not");
        _acked = meter.CreateCounter<long>("gov.reports.acked", "{report}", "Reports acknowledged, durable and processed, by outcome");
        _rejected = meter.CreateCounter<long>("gov.reports.rejected", "{report}", "Reports refused, by the status they were refused with");
        _ackSeconds = meter.CreateHistogram(
            "gov.reports.ack.duration", "s", "From a report's arrival to its ack",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    /// <summary>A report arrived; returns when, for <see cref="Acked"/>.</summary>
    public long Received()
    {
        _received.Add(1);
        return Stopwatch.GetTimestamp();
    }

    public void Acked(long receivedAt, ReportOutcomeKind outcome)
    {
        _acked.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeNames.GetValueOrDefault(outcome, "other")));
        _ackSeconds.Record(Stopwatch.GetElapsedTime(receivedAt).TotalSeconds);
    }

    /// <summary>A report refused, with the status a caller sees for <paramref name="reason"/>.</summary>
    public void Rejected(Exception reason) => _rejected.Add(1, new KeyValuePair<string, object?>("status", reason switch
    {
        RpcException rpc => rpc.StatusCode.ToString(),
        IntakeSaturatedException => nameof(StatusCode.ResourceExhausted),
        IntakeUnavailableException => nameof(StatusCode.Unavailable),
        _ => nameof(StatusCode.Internal),
    }));
}
