using Governance.Contracts.Common;

namespace Governance.Contracts.Cases;

/// <summary>A validated report on its way to its cell.</summary>
/// <param name="ExternalId">The client's idempotency key, unique per channel.</param>
/// <param name="Channel">Where it came from.</param>
/// <param name="Category">Category code.</param>
/// <param name="Description">What was seen.</param>
/// <param name="Point">The reported point; null when the reporter named only the cell.</param>
/// <param name="ReportedAt">When the reporter saw it.</param>
/// <param name="ReporterId">Who reported it.</param>
[GenerateSerializer, Immutable, Alias("IncomingReport")]
public sealed record class IncomingReport(
    [property: Id(0)] string ExternalId,
    [property: Id(1)] ReportChannel Channel,
    [property: Id(2)] string Category,
    [property: Id(3)] string Description,
    [property: Id(4)] GeoLocation? Point,
    [property: Id(5)] DateTimeOffset ReportedAt,
    [property: Id(6)] string ReporterId)
{
    /// <summary>What kind of case it opens: an incident, or a petition (whose reporter is the petitioner).</summary>
    [Id(7)]
    public CaseKind Kind { get; init; } = CaseKind.Incident;
}
