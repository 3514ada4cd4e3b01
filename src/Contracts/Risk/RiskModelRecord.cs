namespace Governance.Contracts.Risk;

/// <summary>How a model did on its held-out rows, as its trainer reported it.</summary>
[GenerateSerializer, Immutable, Alias("RiskModelMetrics")]
public sealed record class RiskModelMetrics(
    [property: Id(0)] double Auc,
    [property: Id(1)] double PrAuc,
    [property: Id(2)] double Brier,
    [property: Id(3)] double CalibrationError,
    [property: Id(4)] long TrainingRows,
    [property: Id(5)] long TestRows);

/// <summary>What is registered with a model file: how it was trained, on what, with which threshold, by whom.</summary>
[GenerateSerializer, Immutable, Alias("RiskModelUpload")]
public sealed record class RiskModelUpload(
    [property: Id(0)] string Trainer,
    [property: Id(1)] string DataFingerprint,
    [property: Id(2)] RiskModelMetrics Metrics,
    [property: Id(3)] double Threshold,
    [property: Id(4)] string Note,
    [property: Id(5)] string RegisteredBy);

/// <summary>A registered model version, without its file.</summary>
[GenerateSerializer, Immutable, Alias("RiskModelRecord")]
public sealed record class RiskModelRecord(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset RegisteredAt,
    [property: Id(2)] RiskModelUpload Upload,
    [property: Id(3)] long SizeBytes,
    [property: Id(4)] string Sha256);

/// <summary>The registry's versions, newest first, and the one promoted now (0 for none).</summary>
[GenerateSerializer, Immutable, Alias("RiskModelList")]
public sealed record class RiskModelList(
    [property: Id(0)] System.Collections.Immutable.ImmutableArray<RiskModelRecord> Models,
    [property: Id(1)] long ActiveVersion);

/// <summary>A registry command's outcome: the version it concerns, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("RiskModelOutcome")]
public sealed record class RiskModelOutcome(
    [property: Id(0)] RiskModelRecord? Model,
    [property: Id(1)] RiskModelRefusal Refusal,
    [property: Id(2)] string Reason);

public enum RiskModelRefusal
{
    None,

    /// <summary>The file is not a flood model of this platform's features.</summary>
    NotAFloodModel,

    /// <summary>No such version.</summary>
    UnknownVersion,

    /// <summary>Nothing was promoted before the active version.</summary>
    NothingToRollBackTo,
}
