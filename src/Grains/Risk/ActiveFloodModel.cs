using Governance.Grains.Storage;
using Governance.Risk.Scoring;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Risk;

/// <summary>
/// The model this silo scores with: one reference, replaced whole once the promoted version is loaded and checked. A
/// scoring call takes the reference once and scores everything with it, so a swap in the middle of a call changes
/// nothing for that call, and no call ever sees a model half loaded.
/// </summary>
public sealed partial class ActiveFloodModel(IRiskModelStore store, ILogger<ActiveFloodModel> logger) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile ServingModel? _current;

    /// <summary>The model to score with now; null before any promotion.</summary>
    public ServingModel? Current => _current;

    /// <summary>Loads the promoted version if it is not the one served; answers the version served afterwards.</summary>
    public async Task<long> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var active = RiskPromotions.Active(await store.PromotionsAsync(cancellationToken));
        if (active == (_current?.Version ?? 0))
        {
            return active;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (active == 0)
            {
                _current = null;
                return 0;
            }

            if (_current?.Version != active)
            {
                var record = await store.GetAsync(active, cancellationToken)
                    ?? throw new InvalidOperationException($"the promoted model version {active} is not in the registry");
                var file = await store.ReadFileAsync(active, cancellationToken)
                    ?? throw new InvalidOperationException($"the promoted model version {active} has no file");
                _current = new ServingModel(active, FloodScorer.Load(file), record.Upload.Threshold);
                LogSwapped(logger, active);
            }

            return active;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Serves <paramref name="model"/> from now on; for a silo that has just loaded it (and for tests).</summary>
    public void Serve(ServingModel model) => _current = model;

    public void Dispose() => _loading.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Flood model version {Version} is now the one this silo scores with")]
    private static partial void LogSwapped(ILogger logger, long version);
}
