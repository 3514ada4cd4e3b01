namespace Governance.Gateway.Validation;

/// <summary>The documented limits of a report (see intake.proto).</summary>
public static class ReportLimits
{
    public const int ExternalIdMaxLength = 128;
    public const int ReporterIdMaxLength = 128;
    public const int CategoryMaxLength = 64;
    public const int DescriptionMaxLength = 2000;

    /// <summary>How far ahead of the server clock a report's time may be (clients' clocks drift).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Reports older than this are refused as a wrong clock or a wrong field.</summary>
    public static readonly DateTimeOffset EarliestReportedAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
