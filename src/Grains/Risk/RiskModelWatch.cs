using Governance.Grains.Watches;

namespace Governance.Grains.Risk;

/// <summary>Looks at the registry every <see cref="RiskOptions.PollSeconds"/>, so each silo swaps to a model promoted on another.</summary>
public sealed class RiskModelWatch(ActiveFloodModel model, RiskOptions options) : IWatch
{
    private long _served;

    public string Does => "swapped to the promoted flood model";

    public TimeSpan Every => TimeSpan.FromSeconds(options.PollSeconds);

    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var served = await model.RefreshAsync(cancellationToken);
        var changed = served != _served ? 1 : 0;
        _served = served;
        return changed;
    }
}
