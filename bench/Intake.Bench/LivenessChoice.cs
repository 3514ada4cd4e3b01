namespace Governance.Intake.Bench;

/// <summary>Which of Orleans' failure-detection settings a kill measurement runs with.</summary>
public enum LivenessChoice
{
    /// <summary>Each round once with Orleans' defaults and once with the fast setting, alternating which comes first.</summary>
    Both,

    /// <summary>Orleans' ClusterMembershipOptions as they come.</summary>
    Default,

    /// <summary>The fast setting of the cluster tests (ProbeTimeout 2 s …).</summary>
    Fast,
}
