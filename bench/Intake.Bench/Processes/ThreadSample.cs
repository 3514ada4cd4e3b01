namespace Governance.Intake.Bench.Processes;

/// <summary>One thread's name and the CPU seconds it has used.</summary>
public readonly record struct ThreadSample(string Name, double CpuSeconds);
