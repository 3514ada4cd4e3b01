namespace Governance.Grains.Cells;

/// <summary>Where a merged report went: the case it was added to and that case's cell.</summary>
public sealed record MergedReport(string CaseId, string CellId);
