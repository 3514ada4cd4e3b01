using System.Diagnostics.Metrics;
using Governance.Grains.Risk;
using Governance.Gateway.Operations;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Governance.Silo.Operations;

/// <summary>
/// The city's state as gauges on the meter <see cref="IntakeMetrics.MeterName"/>: open and overdue cases (counted in
/// the case list at most every <see cref="CountAge"/>, not at every scrape) and the flood model version this process
/// scores with.
/// </summary>
public sealed partial class CityGauges
{
    /// <summary>A count this old is counted again at the next scrape.</summary>
    public static readonly TimeSpan CountAge = TimeSpan.FromSeconds(10);

    private readonly ICaseListStore _cases;
    private readonly TimeProvider _time;
    private readonly ILogger<CityGauges> _logger;
    private readonly Lock _gate = new();
    private (long Open, long Overdue) _counts;
    private long? _countedAt;
    private Task? _counting;

    public CityGauges(IMeterFactory meters, ICaseListStore cases, ActiveFloodModel model, TimeProvider time, ILogger<CityGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(model);
        (_cases, _time, _logger) = (cases, time, logger);
        var meter = meters.Create(IntakeMetrics.MeterName);
        meter.CreateObservableGauge("gov.cases.open", () => Counts().Open, "{case}", "Cases still open in the city");
        meter.CreateObservableGauge("gov.cases.overdue", () => Counts().Overdue, "{case}", "Open cases past their due time");
        meter.CreateObservableGauge("gov.risk.model.version", () => model.Current?.Version ?? 0, description: "The flood model version this process scores with; 0 before any promotion");
    }

    // A scrape never waits on the database: it reads the last count and, if that is old, starts the next one.
    private (long Open, long Overdue) Counts()
    {
        lock (_gate)
        {
            if ((_countedAt is not { } at || _time.GetElapsedTime(at) > CountAge) && _counting is not { IsCompleted: false })
            {
                _counting = CountAsync();
            }

            return _counts;
        }
    }

    private async Task CountAsync()
    {
        try
        {
            var counts = await _cases.CountOpenAsync(_time.GetUtcNow());
            lock (_gate)
            {
                (_counts, _countedAt) = (counts, _time.GetTimestamp());
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            LogCountFailed(_logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open cases could not be counted for the metrics; the last count stands")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
