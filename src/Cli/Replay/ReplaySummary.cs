namespace Governance.Cli.Replay;

/// <summary>What the summary shows: a title line, the final numbers, and notes (how it ended, where the rejects went).</summary>
public sealed record ReplaySummary(string Title, ReplaySnapshot Numbers, IReadOnlyList<string> Notes);
