namespace Governance.Intake.Bench;

/// <summary>Which servers a run measures.</summary>
public enum TargetSelection
{
    /// <summary>The real silo (max rate, then paced at half of it) and the echo server.</summary>
    Both,

    /// <summary>The real silo only.</summary>
    Intake,

    /// <summary>The echo server only (synthetic points; no silo needed).</summary>
    Echo,
}
