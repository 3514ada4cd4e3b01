namespace Governance.Cli.Mapping;

/// <summary>Where a report's idempotency key comes from: a column that is unique per row, with an optional prefix.</summary>
public sealed record ExternalIdSpec
{
    /// <summary>The column holding the source system's own id of the row.</summary>
    public string? Column { get; init; }

    /// <summary>Put in front of the value, so ids of two data sets replayed through one source cannot collide.</summary>
    public string Prefix { get; init; } = "";
}
