using Governance.Contracts.Policies;

namespace Governance.Grains.Policies;

/// <summary>What the policy register stores (state "policies"): every policy with its funds, in the order defined.</summary>
public sealed class PolicyRegisterState
{
    public List<Policy> Policies { get; set; } = [];
}
