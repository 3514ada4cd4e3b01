using Google.Protobuf.WellKnownTypes;

namespace Governance.Gateway.Validation;

/// <summary>Checks of the time a reporter or sensor says something happened.</summary>
internal static class TimeRules
{
    /// <summary>Required, a valid timestamp, at most <see cref="ReportLimits.MaxClockSkew"/> ahead, not before 2000.</summary>
    public static DateTimeOffset Validate(FieldViolations violations, string field, Timestamp? timestamp, DateTimeOffset now)
    {
        if (timestamp is null)
        {
            violations.Add(field, "is required");
            return default;
        }

        // Seconds bounds of google.protobuf.Timestamp: 0001-01-01 to 9999-12-31.
        if (timestamp.Nanos is < 0 or > 999_999_999 || timestamp.Seconds < -62_135_596_800 || timestamp.Seconds > 253_402_300_799)
        {
            violations.Add(field, "is not a valid timestamp");
            return default;
        }

        var at = timestamp.ToDateTimeOffset();
        if (at > now + ReportLimits.MaxClockSkew)
        {
            violations.Add(field, $"{at:O} is in the future (more than {ReportLimits.MaxClockSkew.TotalMinutes:0} minutes ahead of the server)");
        }
        else if (at < ReportLimits.EarliestReportedAt)
        {
            violations.Add(field, $"{at:O} is before {ReportLimits.EarliestReportedAt:yyyy-MM-dd}");
        }

        return at;
    }
}
