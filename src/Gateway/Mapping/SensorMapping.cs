using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.Sensors;
using Governance.Contracts.V1;

namespace Governance.Gateway.Mapping;

/// <summary>Sensor DTOs to their proto messages.</summary>
public static class SensorMapping
{
    public static ReadingAck ToProto(this ReadingReceipt receipt, string sensorId) => new()
    {
        SensorId = sensorId,
        CellId = receipt.CellId,
        AlarmCaseId = receipt.AlarmCaseId ?? "",
        Outcome = receipt.Outcome switch
        {
            ReadingOutcomeKind.Recorded => ReadingOutcome.Recorded,
            ReadingOutcomeKind.AlarmRaised => ReadingOutcome.AlarmRaised,
            ReadingOutcomeKind.AlarmCleared => ReadingOutcome.AlarmCleared,
            ReadingOutcomeKind.Stale => ReadingOutcome.Stale,
            _ => ReadingOutcome.Unspecified,
        },
    };

    public static SensorStatus ToProto(this SensorStatusInfo sensor) => new()
    {
        SensorId = sensor.SensorId,
        Kind = sensor.Kind,
        Value = sensor.Value,
        Unit = sensor.Unit,
        MeasuredAt = Timestamp.FromDateTimeOffset(sensor.MeasuredAt),
        Threshold = sensor.Threshold,
        InAlarm = sensor.InAlarm,
        AlarmCaseId = sensor.AlarmCaseId ?? "",
    };
}
