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

        if (!IsValid(timestamp))
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

    /// <summary>The time an optional timestamp names, null when unset; a malformed one is a violation.</summary>
    public static DateTimeOffset? Optional(FieldViolations violations, string field, Timestamp? timestamp)
    {
        if (timestamp is null)
        {
            return null;
        }

        if (!IsValid(timestamp))
        {
            violations.Add(field, "is not a valid timestamp");
            return null;
        }

        return timestamp.ToDateTimeOffset();
    }

    // Seconds bounds of google.protobuf.Timestamp: 0001-01-01 to 9999-12-31.
    private static bool IsValid(Timestamp timestamp) =>
        timestamp.Nanos is >= 0 and <= 999_999_999 && timestamp.Seconds >= -62_135_596_800 && timestamp.Seconds <= 253_402_300_799;
}
