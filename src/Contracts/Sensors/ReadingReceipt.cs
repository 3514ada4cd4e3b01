namespace Governance.Contracts.Sensors;

/// <summary>A cell's answer to a reading.</summary>
[GenerateSerializer, Immutable, Alias("ReadingReceipt")]
public sealed record class ReadingReceipt(
    [property: Id(0)] string CellId,
    [property: Id(1)] ReadingOutcomeKind Outcome,
    [property: Id(2)] string? AlarmCaseId);
