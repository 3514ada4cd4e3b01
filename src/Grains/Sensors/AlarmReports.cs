using System.Globalization;
using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Contracts.Sensors;

namespace Governance.Grains.Sensors;

/// <summary>The report an alarm case is opened from: one per crossing, with an id derived from the crossing, so a repeat is a retry.</summary>
internal static class AlarmReports
{
    public static IncomingReport ForCrossing(SensorReadingInfo reading, SensorKind kind, double threshold, GeoLocation location) => new(
        string.Create(CultureInfo.InvariantCulture, $"alarm:{reading.SensorId}:{reading.MeasuredAt.UtcTicks}"),
        ReportChannel.Sensor,
        kind.AlarmCategory,
        string.Create(
            CultureInfo.InvariantCulture,
            $"{reading.Kind} at sensor {reading.SensorId} reached {reading.Value} {kind.Unit} at {reading.MeasuredAt:u} (threshold {threshold} {kind.Unit})."),
        location,
        reading.MeasuredAt,
        reading.SensorId);

    public static string FellBack(SensorReadingInfo reading, SensorKind kind, double threshold) => string.Create(
        CultureInfo.InvariantCulture,
        $"{reading.Kind} at sensor {reading.SensorId} fell back to {reading.Value} {kind.Unit} at {reading.MeasuredAt:u}, below the threshold of {threshold} {kind.Unit}.");
}
