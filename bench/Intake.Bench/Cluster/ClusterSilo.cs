using Governance.Intake.Bench.Processes;

namespace Governance.Intake.Bench.Cluster;

/// <summary>One silo of a cluster: its process, the Orleans port that names it in the membership table, and its intake journal.</summary>
public sealed record ClusterSilo(ChildProcess Process, int SiloPort, string Journal);
