namespace Governance.Intake.Bench.Processes;

/// <summary>A process's peak (VmHWM) and current (VmRSS) resident memory, in KiB.</summary>
public readonly record struct MemorySample(long PeakKib, long RssKib);
