using Governance.Contracts.V1;

namespace Governance.Cli.Conversion;

/// <summary>What a CSV record became: a report to send, or the reasons it cannot be one.</summary>
/// <param name="LineNumber">The 1-based line of the file where the record starts.</param>
/// <param name="ExternalId">The report's external id; empty when that is what is missing.</param>
/// <param name="Request">The report; null when rejected.</param>
/// <param name="Violations">Why it was rejected; empty when it was not.</param>
public sealed record MappedRow(long LineNumber, string ExternalId, ReportRequest? Request, IReadOnlyList<FieldViolation> Violations)
{
    public bool IsRejected => Request is null;
}
