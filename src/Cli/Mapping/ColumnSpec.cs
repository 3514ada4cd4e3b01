namespace Governance.Cli.Mapping;

/// <summary>A report field read straight from one column (latitude, longitude).</summary>
public sealed record ColumnSpec
{
    /// <summary>The column's name in the CSV header.</summary>
    public string? Column { get; init; }
}
