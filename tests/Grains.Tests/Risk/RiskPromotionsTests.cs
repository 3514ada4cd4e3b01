using Governance.Grains.Storage;

namespace Governance.Grains.Tests.Risk;

/// <summary>The active version from the history of promotions and rollbacks: a stack.</summary>
public sealed class RiskPromotionsTests
{
    [Fact]
    public void PromotionsStack_AndEachRollbackTakesTheTopOff()
    {
        var at = DateTimeOffset.UnixEpoch;
        var history = new List<RiskPromotion>();
        var active = new List<long> { RiskPromotions.Active(history) };
        foreach (var (version, rollback) in new[] { (1L, false), (2L, false), (3L, false), (2L, true), (1L, true), (3L, false), (1L, true) })
        {
            history.Add(new RiskPromotion(version, rollback, "analyst", at));
            active.Add(RiskPromotions.Active(history));
        }

        Assert.Equal([0L, 1, 2, 3, 2, 1, 3, 1], active);
        Assert.Equal([1L], RiskPromotions.Stack(history));
    }
}
