using System.Collections.Immutable;
using Governance.Contracts.Policies;
using Governance.Grains.Clock;
using Governance.Grains.Storage;

namespace Governance.Grains.Policies;

/// <summary>The city's policies and their funds, in one state stored before each answer.</summary>
public sealed class PolicyRegisterGrain(
    [PersistentState("policies", StoreNames.Main)] IPersistentState<PolicyRegisterState> state,
    CityClock time) : Grain, IPolicyRegisterGrain
{
    public async Task<Policy> DefineAsync(PolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var at = state.State.Policies.FindIndex(p => p.Definition.PolicyId == definition.PolicyId);
        var policy = at < 0
            ? new Policy(definition, [], time.GetUtcNow())
            : state.State.Policies[at] with { Definition = definition };
        if (at < 0)
        {
            state.State.Policies.Add(policy);
        }
        else
        {
            state.State.Policies[at] = policy;
        }

        await this.WriteOrUndoAsync(state);
        return policy;
    }

    public async Task<Policy?> RecordFundsAsync(string policyId, PolicyFunds funds)
    {
        ArgumentNullException.ThrowIfNull(funds);
        var at = state.State.Policies.FindIndex(p => p.Definition.PolicyId == policyId);
        if (at < 0)
        {
            return null;
        }

        var policy = state.State.Policies[at];
        var changed = policy with { Funds = [.. policy.Funds.Where(f => f.Quarter != funds.Quarter).Append(funds).OrderBy(f => f.Quarter.Year).ThenBy(f => f.Quarter.Number)] };
        state.State.Policies[at] = changed;
        await this.WriteOrUndoAsync(state);
        return changed;
    }

    public Task<Policy?> GetAsync(string policyId) =>
        Task.FromResult(state.State.Policies.FirstOrDefault(p => p.Definition.PolicyId == policyId));

    public Task<ImmutableArray<Policy>> ListAsync() => Task.FromResult<ImmutableArray<Policy>>([.. state.State.Policies]);
}
