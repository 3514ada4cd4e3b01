namespace Governance.Intake.Bench.Cluster;

/// <summary>How quickly the silos declare a silo dead: Orleans' own defaults, or the fast setting the cluster tests use.</summary>
public enum LivenessSetting
{
    /// <summary>Orleans' ClusterMembershipOptions as they come.</summary>
    Default,

    /// <summary>ProbeTimeout 2 s, TableRefreshTimeout 5 s, IAmAliveTablePublishTimeout 5 s, DeathVoteExpirationTimeout 30 s.</summary>
    Fast,
}
