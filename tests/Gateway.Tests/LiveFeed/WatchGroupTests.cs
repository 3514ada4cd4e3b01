using System.Collections.Immutable;
using Governance.Contracts.LiveFeed;
using Governance.Gateway.Hosting;
using Governance.Gateway.LiveFeed;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.Tests.LiveFeed;

/// <summary>
/// Watchers of the same cells share one group: a tick makes one message that each of them sends, and a watcher that
/// missed ticks while it was still writing catches up with every cell changed since, each as it is now.
/// </summary>
public sealed class WatchGroupTests
{
    private static readonly string[] Street = ["s.1.1", "s.1.2", "s.1.3"];

    // Every cell's pulse is known before the watches open, so the hub never asks a grain (it has no grain factory here).
    private readonly CellWatchHub _hub = new(grains: null!, Options.Create(new GatewayOptions()), NullLogger<CellWatchHub>.Instance);

    [Fact]
    public async Task WatchersOfTheSameCells_SendTheSameMessage_AndOneBehindCatchesUpWithEveryChangedCell()
    {
        await ChangeAsync(("s.1.1", 1), ("s.1.2", 1), ("s.1.3", 1), ("t.9.9", 1));
        using var first = await _hub.WatchAsync("area:s", Street, CancellationToken.None);
        using var second = await _hub.WatchAsync("area:s", Street, CancellationToken.None);
        using var other = await _hub.WatchAsync("cells:t.9.9", ["t.9.9"], CancellationToken.None);
        var beforeAnyTick = first.Next();

        await ChangeAsync(("s.1.1", 2), ("t.9.9", 2));
        _hub.Tick();
        var toFirst = first.Next();
        var toSecond = second.Next();
        var toOther = other.Next();
        var nothingNew = first.Next();

        // The first watcher reads on; the second is still writing while two more ticks pass.
        await ChangeAsync(("s.1.2", 2));
        _hub.Tick();
        var firstAgain = first.Next();
        await ChangeAsync(("s.1.3", 2), ("s.1.2", 3));
        _hub.Tick();
        var firstThird = first.Next();
        var caughtUp = second.Next();

        Assert.Equal((3, 2), (_hub.Watchers, _hub.Groups));
        Assert.Null(beforeAnyTick);
        Assert.Same(toFirst, toSecond);
        Assert.Equal([("s.1.1", 2L)], Cells(toFirst));
        Assert.Equal([("t.9.9", 2L)], Cells(toOther));
        Assert.Null(nothingNew);
        Assert.Equal([("s.1.2", 2L)], Cells(firstAgain));
        Assert.Equal([("s.1.2", 3L), ("s.1.3", 2L)], Cells(firstThird));
        Assert.Equal([("s.1.2", 3L), ("s.1.3", 2L)], Cells(caughtUp));
        Assert.Null(second.Next());
    }

    [Fact]
    public async Task TheLastWatcherOfAGroup_TakesTheGroupWithIt()
    {
        await ChangeAsync(("s.1.1", 1), ("s.1.2", 1), ("s.1.3", 1));
        var first = await _hub.WatchAsync("area:s", Street, CancellationToken.None);
        var second = await _hub.WatchAsync("area:s", Street, CancellationToken.None);

        first.Dispose();
        var whileOneRemains = (_hub.Watchers, _hub.Groups);
        second.Dispose();

        Assert.Equal((1, 1), whileOneRemains);
        Assert.Equal((0, 0), (_hub.Watchers, _hub.Groups));
    }

    private Task ChangeAsync(params (string Cell, long Version)[] changes) =>
        _hub.CellsChangedAsync([.. changes.Select(c => new CellPulse(c.Cell, c.Version, (int)c.Version, 0, 0, [], null, DateTimeOffset.UtcNow))]);

    private static (string, long)[] Cells(Contracts.V1.CellWatchEvent? message) =>
        [.. message!.Cells.Select(c => (c.CellId, c.Version)).Order()];
}
