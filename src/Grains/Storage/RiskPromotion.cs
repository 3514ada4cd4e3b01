namespace Governance.Grains.Storage;

/// <summary>A version made active: promoted, or restored by a rollback of the promotion after it.</summary>
public sealed record RiskPromotion(long Version, bool Rollback, string By, DateTimeOffset At);

/// <summary>
/// The active version from the history: each promotion goes on a stack, each rollback takes the top off, and the top is
/// active. So rolling back twice goes back two promotions, not back and forth between the last two.
/// </summary>
public static class RiskPromotions
{
    public static IReadOnlyList<long> Stack(IEnumerable<RiskPromotion> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var stack = new List<long>();
        foreach (var promotion in history)
        {
            if (promotion.Rollback)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else
            {
                stack.Add(promotion.Version);
            }
        }

        return stack;
    }

    /// <summary>The version scoring now; 0 before any promotion.</summary>
    public static long Active(IEnumerable<RiskPromotion> history) => Stack(history) is [.., var top] ? top : 0;
}
