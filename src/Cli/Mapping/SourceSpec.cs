namespace Governance.Cli.Mapping;

/// <summary>How a column's value becomes a ReportSource; names are written with or without the REPORT_SOURCE_ prefix.</summary>
public sealed record SourceSpec
{
    /// <summary>The column naming the channel a request came through; absent when every row has <see cref="Default"/>.</summary>
    public string? Column { get; init; }

    /// <summary>Values (matched ignoring case) and the source each becomes, e.g. "Constituent Call" → "HOTLINE".</summary>
    public Dictionary<string, string> Values { get; init; } = [];

    /// <summary>The source of a value not in <see cref="Values"/>; without it such a row is rejected.</summary>
    public string? Default { get; init; }
}
