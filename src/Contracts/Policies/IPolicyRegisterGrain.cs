using System.Collections.Immutable;

namespace Governance.Contracts.Policies;

/// <summary>The city's policies and their funds per quarter (<see cref="GrainKeys.PolicyRegister"/>); a township has tens of them.</summary>
[Alias("IPolicyRegisterGrain")]
public interface IPolicyRegisterGrain : IGrainWithStringKey
{
    /// <summary>Defines a policy, or redefines it (name and areas) keeping its funds; stored before it returns.</summary>
    [Alias("Define")]
    Task<Policy> DefineAsync(PolicyDefinition definition);

    /// <summary>Records a quarter's funds, replacing what was recorded for it; null for an unknown policy.</summary>
    [Alias("RecordFunds")]
    Task<Policy?> RecordFundsAsync(string policyId, PolicyFunds funds);

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<Policy?> GetAsync(string policyId);

    /// <summary>Every policy, in the order defined.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<Policy>> ListAsync();
}
