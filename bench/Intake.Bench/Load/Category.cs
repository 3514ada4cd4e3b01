namespace Governance.Intake.Bench.Load;

/// <summary>A category code and a few descriptions a reporter might write.</summary>
public sealed record Category(string Code, IReadOnlyList<string> Descriptions);
