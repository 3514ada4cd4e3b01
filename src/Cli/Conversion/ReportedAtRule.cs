using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Governance.Cli.Csv;
using Governance.Cli.Mapping;

namespace Governance.Cli.Conversion;

/// <summary>
/// The time of the request. A time written with an offset or "Z" is taken as written; a bare clock time is read in
/// the mapping's time zone, because open-data exports write local time without saying so.
/// </summary>
internal sealed class ReportedAtRule(int column, string columnName, string? format, ZoneClock clock)
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;

    public static ReportedAtRule Compile(ReportedAtSpec? spec, MappingProblems problems)
    {
        if (spec is null)
        {
            problems.Add("reportedAt is required");
            return new ReportedAtRule(-1, string.Empty, null, new ZoneClock(TimeZoneInfo.Utc));
        }

        var column = problems.RequireColumn("reportedAt", spec.Column);
        if (spec.Format is not null && !IsUsableFormat(spec.Format))
        {
            problems.Add($"reportedAt: '{spec.Format}' is not a date and time format");
        }

        return new ReportedAtRule(column, spec.Column ?? string.Empty, spec.Format, new ZoneClock(FindZone(spec.TimeZone, problems)));
    }

    /// <summary>The UTC time, or null with a violation when the value is empty or not a time.</summary>
    public Timestamp? Apply(CsvRecord record, List<FieldViolation> violations)
    {
        var text = record.Fields[column].Trim();
        if (text.Length == 0)
        {
            violations.Add(new FieldViolation(ReportFields.ReportedAt, $"column '{columnName}' is empty"));
            return null;
        }

        var parsed = format is null
            ? DateTime.TryParse(text, CultureInfo.InvariantCulture, Styles, out var at)
            : DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out at);
        if (!parsed)
        {
            var reason = format is null ? "is not a date and time" : $"does not match the format '{format}'";
            violations.Add(new FieldViolation(ReportFields.ReportedAt, reason, text));
            return null;
        }

        var utc = at.Kind switch
        {
            DateTimeKind.Utc => at,
            // RoundtripKind turns a written offset into this machine's local time; back to UTC it goes.
            DateTimeKind.Local => at.ToUniversalTime(),
            _ => clock.ToUtc(at),
        };
        return Timestamp.FromDateTime(utc);
    }

    private static TimeZoneInfo FindZone(string id, MappingProblems problems)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            problems.Add($"reportedAt: '{id}' is not a time zone this machine knows (use an IANA id such as America/New_York)");
            return TimeZoneInfo.Utc;
        }
    }

    private static bool IsUsableFormat(string format)
    {
        try
        {
            _ = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            return format.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
