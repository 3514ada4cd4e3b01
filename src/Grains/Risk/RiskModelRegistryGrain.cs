using System.Security.Cryptography;
using Governance.Contracts.Risk;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Governance.Risk.Scoring;
using Orleans.Concurrency;

namespace Governance.Grains.Risk;

/// <summary>The model registry (<see cref="IRiskModelStore"/>) on whichever silo is asked; promotions take effect here before the answer.</summary>
[StatelessWorker]
public sealed class RiskModelRegistryGrain(IRiskModelStore store, ActiveFloodModel active, CityClock clock) : Grain, IRiskModelRegistryGrain
{
    public async Task<RiskModelOutcome> RegisterAsync(RiskModelUpload upload, byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            _ = FloodScorer.Load(file);
        }
        catch (FloodModelMismatchException ex)
        {
            return new RiskModelOutcome(null, RiskModelRefusal.NotAFloodModel, ex.Message);
        }

        var record = await store.AddAsync(upload, file, Convert.ToHexStringLower(SHA256.HashData(file)), clock.GetUtcNow());
        return new RiskModelOutcome(record, RiskModelRefusal.None, "");
    }

    public async Task<RiskModelList> ListAsync() =>
        new([.. await store.ListAsync()], RiskPromotions.Active(await store.PromotionsAsync()));

    public async Task<RiskModelOutcome> PromoteAsync(long version, string promotedBy)
    {
        if (await store.GetAsync(version) is not { } record)
        {
            return new RiskModelOutcome(null, RiskModelRefusal.UnknownVersion, $"there is no model version {version}");
        }

        await store.AddPromotionAsync(new RiskPromotion(version, false, promotedBy, clock.GetUtcNow()));
        await active.RefreshAsync();
        return new RiskModelOutcome(record, RiskModelRefusal.None, "");
    }

    public async Task<RiskModelOutcome> RollbackAsync(string promotedBy)
    {
        var stack = RiskPromotions.Stack(await store.PromotionsAsync());
        if (stack.Count < 2)
        {
            return new RiskModelOutcome(null, RiskModelRefusal.NothingToRollBackTo, stack.Count == 0
                ? "no model has been promoted"
                : $"version {stack[0]} is the only one promoted so far: there is nothing before it to roll back to");
        }

        var restored = stack[^2];
        await store.AddPromotionAsync(new RiskPromotion(restored, true, promotedBy, clock.GetUtcNow()));
        await active.RefreshAsync();
        return new RiskModelOutcome(await store.GetAsync(restored), RiskModelRefusal.None, "");
    }
}
