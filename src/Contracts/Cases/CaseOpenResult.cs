namespace Governance.Contracts.Cases;

/// <summary>The answer of a case grain to an opening.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="CellId">The cell that case lies in (the first opening's cell, also for a retry).</param>
/// <param name="Outcome">Created, or Retry when the case already existed.</param>
/// <param name="Header">The case as its opening describes it (its reporters are counted from the report links).</param>
[GenerateSerializer, Immutable, Alias("CaseOpenResult")]
public sealed record class CaseOpenResult(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] ReportOutcomeKind Outcome,
    [property: Id(3)] CaseHeader Header);
