using Governance.Risk.Scoring;

namespace Governance.Grains.Risk;

/// <summary>A promoted model as a silo serves it: its version, its scorer, its flagging threshold. Never changes once made.</summary>
public sealed record ServingModel(long Version, FloodScorer Scorer, double Threshold);
