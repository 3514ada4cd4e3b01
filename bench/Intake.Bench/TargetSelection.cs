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

    /// <summary>Cluster mode: N silos on the bench's own PostgreSQL, for each count of <c>--silo-counts</c>; or <c>--kill-one</c>.</summary>
    Cluster,
}
