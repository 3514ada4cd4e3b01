namespace Governance.Intake.Bench.Processes;

/// <summary>The threads of one name and the cores they used over a span.</summary>
public sealed record ThreadGroupUse(string Name, int Threads, double Cores);
