using Governance.City.Map;
using Governance.Contracts.Sensors;
using Governance.Contracts.V1;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.Validation;

/// <summary>Turns a SensorReading into a <see cref="SensorReadingInfo"/> for its cell, or names every field that is wrong.</summary>
public sealed class ReadingValidator(CityMap city, TimeProvider time, IOptions<SensorOptions> sensors)
{
    /// <summary>The validated reading and the cell it belongs to.</summary>
    public sealed record Result(SensorReadingInfo Reading, string CellId);

    public Result Validate(SensorReading request)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "sensor_id", request.SensorId, ReportLimits.ReporterIdMaxLength);
        if (string.IsNullOrEmpty(request.Kind))
        {
            violations.Add("kind", "is required");
        }
        else if (!sensors.Value.Kinds.ContainsKey(request.Kind))
        {
            violations.Add("kind", $"'{(request.Kind.Length <= 64 ? request.Kind : request.Kind[..64])}' is not a known kind; known kinds are {string.Join(", ", sensors.Value.Kinds.Keys.Order(StringComparer.Ordinal))}");
        }

        if (!double.IsFinite(request.Value))
        {
            violations.Add("value", $"{request.Value} is not a finite number");
        }

        var measuredAt = TimeRules.Validate(violations, "measured_at", request.MeasuredAt, time.GetUtcNow());
        var (cellId, point) = PlaceRules.Resolve(
            violations,
            city,
            request.LocationCase == SensorReading.LocationOneofCase.Point ? request.Point : null,
            request.LocationCase == SensorReading.LocationOneofCase.CellId ? request.CellId : null);
        violations.ThrowIfAny();
        return new Result(new SensorReadingInfo(request.SensorId, request.Kind, request.Value, measuredAt, point), cellId!);
    }
}
