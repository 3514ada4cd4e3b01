using System.Collections.Immutable;
using Governance.Contracts.Residents;
using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>What a recorded visit must be, field by field.</summary>
internal static class VisitRules
{
    private const int KindMaxLength = 100;
    private const int NotesMaxLength = 2_000;
    private const int MeasurementsMax = 10;
    private const int MeasurementTextMaxLength = 32;
    private const int UnitMaxLength = 16;
    private const int PersonMaxLength = 64;

    public static VisitRecord Visit(FieldViolations violations, Visit? visit, DateTimeOffset now)
    {
        if (visit is null)
        {
            violations.Add("visit", "is required");
            return null!;
        }

        TextRules.RequireIdentifier(violations, "visit.kind", visit.Kind, KindMaxLength);
        if (visit.Notes.Length > NotesMaxLength)
        {
            violations.Add("visit.notes", $"is {visit.Notes.Length} characters long; at most {NotesMaxLength} are allowed");
        }

        TextRules.RequireIdentifier(violations, "visit.visited_by", visit.VisitedBy, PersonMaxLength);
        var at = TimeRules.Validate(violations, "visit.visited_at", visit.VisitedAt, now);
        var measurements = ImmutableArray.CreateBuilder<MeasurementInfo>();
        if (visit.Measurements.Count > MeasurementsMax)
        {
            violations.Add("visit.measurements", $"has {visit.Measurements.Count} readings; at most {MeasurementsMax} are allowed");
        }
        else
        {
            for (var i = 0; i < visit.Measurements.Count; i++)
            {
                var reading = visit.Measurements[i];
                TextRules.RequireIdentifier(violations, $"visit.measurements[{i}].name", reading.Name, MeasurementTextMaxLength);
                TextRules.RequireIdentifier(violations, $"visit.measurements[{i}].value", reading.Value, MeasurementTextMaxLength);
                if (reading.Unit.Length > UnitMaxLength)
                {
                    violations.Add($"visit.measurements[{i}].unit", $"is {reading.Unit.Length} characters long; at most {UnitMaxLength} are allowed");
                }

                measurements.Add(new MeasurementInfo(reading.Name.Trim(), reading.Value.Trim(), reading.Unit.Trim()));
            }
        }

        return new VisitRecord(visit.Kind.Trim(), visit.Notes.Trim(), measurements.ToImmutable(), visit.VisitedBy.Trim(), at);
    }
}
