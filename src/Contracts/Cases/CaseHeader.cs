using Governance.Contracts.Common;

namespace Governance.Contracts.Cases;

/// <summary>
/// What a case's opening says of it: the part of <see cref="CaseSummaryInfo"/> that does not change as reporters join.
/// A cell keeps it for each of its open cases; the count of reports comes from the report links when asked.
/// </summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Category">Category code.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OpenedAt">Server time it was opened.</param>
/// <param name="Headline">The start of the first report's description.</param>
/// <param name="Location">Where the first report put it.</param>
/// <param name="FirstReportedAt">When the first reporter saw it (the merge window counts from here).</param>
[GenerateSerializer, Immutable, Alias("CaseHeader")]
public sealed record class CaseHeader(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Category,
    [property: Id(2)] CaseStatusKind Status,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] string Headline,
    [property: Id(5)] GeoLocation Location,
    [property: Id(6)] DateTimeOffset FirstReportedAt)
{
    /// <summary>What kind of case it is.</summary>
    [Id(7)]
    public CaseKind Kind { get; init; } = CaseKind.Incident;

    private const int HeadlineLength = 120;

    /// <summary>A case as its first report opens it, now.</summary>
    public static CaseHeader OpenedBy(string caseId, IncomingReport report, GeoLocation location, DateTimeOffset openedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var headline = report.Description.Length <= HeadlineLength ? report.Description : report.Description[..HeadlineLength];
        return new CaseHeader(caseId, report.Category, CaseLifecycle.Initial(report.Kind), openedAt, headline, location, report.ReportedAt)
        {
            Kind = report.Kind,
        };
    }

    /// <summary>The case as a list shows it, with its count of reports.</summary>
    public CaseSummaryInfo WithReports(int reportCount) =>
        new(CaseId, Category, Status, OpenedAt, Headline, Location, FirstReportedAt, reportCount);
}
