using System.Collections.Immutable;

namespace Governance.Contracts.Policies;

/// <summary>A policy with its funds, quarter by quarter.</summary>
[GenerateSerializer, Immutable, Alias("Policy")]
public sealed record class Policy(
    [property: Id(0)] PolicyDefinition Definition,
    [property: Id(1)] ImmutableArray<PolicyFunds> Funds,
    [property: Id(2)] DateTimeOffset DefinedAt)
{
    /// <summary>The funds of the quarter, or null when none were recorded for it.</summary>
    public PolicyFunds? FundsOf(Quarter quarter) => Funds.FirstOrDefault(f => f.Quarter == quarter);
}

/// <summary>A quarter's money for a policy, in whole yuan: what was allocated to it and what was spent of it.</summary>
[GenerateSerializer, Immutable, Alias("PolicyFunds")]
public sealed record class PolicyFunds(
    [property: Id(0)] Quarter Quarter,
    [property: Id(1)] long AllocatedYuan,
    [property: Id(2)] long SpentYuan);
