namespace Governance.Contracts.Cases;

/// <summary>One report that belongs to a case.</summary>
[GenerateSerializer, Immutable, Alias("ReporterEntry")]
public sealed record class ReporterEntry(
    [property: Id(0)] string ReporterId,
    [property: Id(1)] ReportChannel Channel,
    [property: Id(2)] string ExternalId,
    [property: Id(3)] DateTimeOffset ReportedAt);
