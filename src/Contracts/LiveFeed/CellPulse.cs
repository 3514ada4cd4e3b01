using System.Collections.Immutable;
using Governance.Contracts.Cells;
using Governance.Contracts.Sensors;

namespace Governance.Contracts.LiveFeed;

/// <summary>
/// What a live view shows of a cell, small enough to send on every change: its open and overdue cases, sensors in
/// alarm, latest readings and flood risk. <see cref="Version"/> rises with each change the cell makes, so a receiver
/// that hears of a cell twice, or out of order, keeps the higher.
/// </summary>
[GenerateSerializer, Immutable, Alias("CellPulse")]
public sealed record class CellPulse(
    [property: Id(0)] string CellId,
    [property: Id(1)] long Version,
    [property: Id(2)] int OpenCases,
    [property: Id(3)] int OverdueCases,
    [property: Id(4)] int Alarms,
    [property: Id(5)] ImmutableArray<SensorStatusInfo> Sensors,
    [property: Id(6)] CellFloodRisk? FloodRisk,
    [property: Id(7)] DateTimeOffset ChangedAt);

/// <summary>Hears of cells that changed, a batch at a time: one per process that serves live views.</summary>
[Alias("ICellFeedObserver")]
public interface ICellFeedObserver : IGrainObserver
{
    /// <summary>Cells that changed since the last batch from the same silo, each with its latest pulse. Not awaited by the sender.</summary>
    [Alias("CellsChanged"), Orleans.Concurrency.OneWay]
    Task CellsChangedAsync(ImmutableArray<CellPulse> pulses);
}

/// <summary>
/// Who is listening to the city's cells: processes subscribe their observer (and renew it before it expires); each
/// silo asks for the list and sends its cells' changes straight to them. Key it 0.
/// </summary>
[Alias("ICellFeedGrain")]
public interface ICellFeedGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or renews a subscription; it lapses if not renewed within the grain's expiry.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ICellFeedObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ICellFeedObserver observer);

    /// <summary>The subscriptions that have not lapsed.</summary>
    [Alias("Listeners")]
    Task<ImmutableArray<ICellFeedObserver>> ListenersAsync();
}
