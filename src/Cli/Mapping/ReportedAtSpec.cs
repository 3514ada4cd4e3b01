namespace Governance.Cli.Mapping;

/// <summary>Where and how to read the time a request was made.</summary>
public sealed record ReportedAtSpec
{
    /// <summary>The column holding the time.</summary>
    public string? Column { get; init; }

    /// <summary>A .NET exact format such as "yyyy-MM-dd HH:mm:ss"; absent for ISO 8601 and other invariant forms.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// The IANA (or Windows) id of the zone the file's clock times are in, e.g. "America/New_York"; used only for
    /// times written without an offset. Defaults to UTC.
    /// </summary>
    public string TimeZone { get; init; } = "UTC";
}
