using Governance.Contracts.Common;

namespace Governance.Contracts.Cases;

/// <summary>A case as a list shows it, with what a cell needs to merge duplicates into it.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Category">Category code.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OpenedAt">Server time it was opened.</param>
/// <param name="Headline">The start of the first report's description.</param>
/// <param name="Location">Where the first report put it.</param>
/// <param name="FirstReportedAt">When the first reporter saw it (the merge window counts from here).</param>
/// <param name="ReportCount">How many reports it has, the first included.</param>
[GenerateSerializer, Immutable, Alias("CaseSummaryInfo")]
public sealed record class CaseSummaryInfo(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Category,
    [property: Id(2)] CaseStatusKind Status,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] string Headline,
    [property: Id(5)] GeoLocation Location,
    [property: Id(6)] DateTimeOffset FirstReportedAt,
    [property: Id(7)] int ReportCount);
