namespace Governance.Intake.Bench.Processes;

/// <summary>One server's share of a phase: the cores it used in the measuring window and its memory at the start and the end.</summary>
public sealed record ServerUse(string Name, int Pid, double Cores, MemorySample Before, MemorySample After);
