namespace Governance.Cli.Replay;

/// <summary>How many rejected rows share one field and reason.</summary>
public sealed record ReasonCount(string Field, string Reason, long Rows);
