using Governance.Contracts.Common;

namespace Governance.Grains.Merging;

/// <summary>
/// The open, mergeable cases of one zone, by case id, as versions before the open case rows stored them (a zone now
/// builds its index from the rows of its cells and stores nothing). Read at activation, so that a database from such a
/// version keeps merging into cases whose cells have not moved them to rows yet.
/// </summary>
public sealed class MergeZoneState
{
    public Dictionary<string, ZoneCase> Cases { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One open case as merging sees it: where and when its first report was, and until when a duplicate may still
/// join it (its first report's time plus its category's window).
/// </summary>
public sealed record ZoneCase(string CaseId, string CellId, string Category, GeoLocation Location, DateTimeOffset FirstReportedAt, DateTimeOffset MergesUntil);
