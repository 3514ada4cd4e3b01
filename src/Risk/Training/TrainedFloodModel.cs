using Governance.Risk.Evaluation;
using Governance.Risk.Features;
using Governance.Risk.Scoring;

namespace Governance.Risk.Training;

/// <summary>A model just trained, with how it was trained, on what (the data's fingerprint) and how it did on the held-out rows.</summary>
public sealed record TrainedFloodModel(
    FloodScorer Scorer,
    TrainingOptions Options,
    ModelMetrics Metrics,
    string DataFingerprint,
    int TrainingRows,
    IReadOnlyList<FloodExample> TestRows);
