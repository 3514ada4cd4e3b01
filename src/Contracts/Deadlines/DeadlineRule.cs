namespace Governance.Contracts.Deadlines;

/// <summary>The handling time a category of case is given, by the rules file.</summary>
/// <param name="Kind">Immediate, committed or coordinated.</param>
/// <param name="Limit">How long from dispatch to handled.</param>
[GenerateSerializer, Immutable, Alias("DeadlineRule")]
public sealed record class DeadlineRule(
    [property: Id(0)] DeadlineKind Kind,
    [property: Id(1)] TimeSpan Limit);
