using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.LiveFeed;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.LiveFeed;

/// <summary>
/// GridService.WatchCells over HTTP/2: a snapshot of the watched cells, then only their changes, a burst sent as the
/// latest state, a watcher that stops reading cut off; bad watches refused by field.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class WatchCellsTests(DemoCityHostFixture fixture)
{
    // Long enough for any machine; the one-second promise is measured in bench/LiveFeed.Bench, not here.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task AWatch_StartsWithASnapshot_ThenSendsOnlyItsOwnCellsChanges()
    {
        var cells = (await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 30 })).Cells.Select(c => c.CellId).ToList();
        var (watched, other, elsewhere) = (cells[20], cells[21], cells[22]);
        using var watch = Host.Grid.WatchCells(new WatchCellsRequest { CellIds = { watched, other } });
        var snapshot = await NextAsync(watch);
        var before = snapshot.Cells.Single(c => c.CellId == watched);

        await Host.Intake.ReportAsync(Reports.InCell(elsewhere));
        await Host.Intake.ReportAsync(Reports.InCell(watched));
        var change = await NextAsync(watch);

        Assert.True(snapshot.Snapshot);
        Assert.Equal(new[] { watched, other }.Order(StringComparer.Ordinal), snapshot.Cells.Select(c => c.CellId).Order(StringComparer.Ordinal));
        Assert.False(change.Snapshot);
        var after = Assert.Single(change.Cells);
        Assert.Equal(watched, after.CellId);
        Assert.Equal(before.OpenCases + 1, after.OpenCases);
        Assert.True(after.Version > before.Version);
        Assert.Equal(after.OpenCases, (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = watched })).Cell.OpenCases.Count);
    }

    [Fact]
    public async Task AnAreaWatch_CoversExactlyTheAreasCells()
    {
        var community = (await Host.Grid.ListAreasAsync(new ListAreasRequest())).Areas.Last(a => a.Level == AreaLevel.Community);
        var inArea = (await Host.Grid.ListCellsAsync(new ListCellsRequest { AreaCode = community.Code, PageSize = 1000 })).Cells.Select(c => c.CellId);
        using var watch = Host.Grid.WatchCells(new WatchCellsRequest { AreaCode = community.Code });

        var snapshot = await NextAsync(watch);

        Assert.Equal(inArea.Order(StringComparer.Ordinal), snapshot.Cells.Select(c => c.CellId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ABurstInACell_ComesAsItsLatestState_NotChangeByChange()
    {
        var cell = (await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 40 })).Cells[33].CellId;
        using var watch = Host.Grid.WatchCells(new WatchCellsRequest { CellIds = { cell } });
        var start = (await NextAsync(watch)).Cells.Single().OpenCases;

        // Forty reports while the watcher reads nothing.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Host.Intake.ReportAsync(Reports.InCell(cell)).ResponseAsync));
        var messages = new List<CellWatchEvent>();
        do
        {
            messages.Add(await NextAsync(watch));
        }
        while (messages[^1].Cells.Single().OpenCases < start + 40);

        Assert.Equal(start + 40, messages[^1].Cells.Single().OpenCases);
        Assert.InRange(messages.Count, 1, 10);
        Assert.Equal(messages.Select(m => m.Cells.Single().Version).Order(), messages.Select(m => m.Cells.Single().Version));
    }

    [Fact]
    public async Task AWatcherThatStopsReading_IsCutOff_AndLeavesNothingBehind()
    {
        using var folder = new TempFolder("watch-stall");
        await using var host = await GatewayHost.StartAsync(folder.Path, "--Gateway:WatchStallSeconds=1");
        var hub = host.Services.GetRequiredService<CellWatchHub>();
        var cells = new List<string>();
        var page = new ListCellsResponse();
        do
        {
            page = await host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1000, PageToken = page.NextPageToken });
            cells.AddRange(page.Cells.Select(c => c.CellId));
        }
        while (page.NextPageToken.Length > 0);

        // The whole city, unread: its snapshot and a change in every cell are more than the stream's window holds. A client
        // with .NET's default window (64 KiB), not the project's own (4 MiB): the city would fit in that.
        using var small = BearerChannel.ForAddress(host.Address, host.TokenFor("slow-watcher", Roles.Admin),
            new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler(), DisposeHttpClient = true });
        using var watch = new GridService.GridServiceClient(small).WatchCells(new WatchCellsRequest());
        await WaitUntilAsync(() => hub.Watchers == 1);
        await Parallel.ForEachAsync(cells, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (cell, token) => await host.Intake.ReportAsync(Reports.InCell(cell), cancellationToken: token));
        await WaitUntilAsync(() => hub.Watchers == 0);

        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await watch.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        Assert.NotEqual(StatusCode.OK, ended.StatusCode);
    }

    [Fact]
    public async Task ABadWatch_IsRefusedByField()
    {
        var cells = (await Host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells.Select(c => c.CellId).ToList();

        var both = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => FirstAsync(new WatchCellsRequest { AreaCode = "D01", CellIds = { cells[0] } }));
        var tooMany = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => FirstAsync(new WatchCellsRequest { CellIds = { Enumerable.Range(0, 1001).Select(i => $"c-{i}") } }));
        var unknownCell = await RpcAssert.FailsWith(StatusCode.NotFound, () => FirstAsync(new WatchCellsRequest { CellIds = { cells[0], "no-such-cell" } }));
        var unknownArea = await RpcAssert.FailsWith(StatusCode.NotFound, () => FirstAsync(new WatchCellsRequest { AreaCode = "atlantis" }));
        var reporter = await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
        {
            using var channel = Host.ChannelAs("app-1", "reporter");
            using var call = new GridService.GridServiceClient(channel).WatchCells(new WatchCellsRequest { CellIds = { cells[0] } });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Contains("cell_ids: watch an area or some cells, not both", both.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("cell_ids: 1,001 cells; a watch names at most 1,000", tooMany.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("no-such-cell", unknownCell.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("area_code: ", unknownArea.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("may not call GridService.WatchCells", reporter.Status.Detail, StringComparison.Ordinal);
    }

    private async Task FirstAsync(WatchCellsRequest request)
    {
        using var call = Host.Grid.WatchCells(request);
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }

    private static async Task<CellWatchEvent> NextAsync(AsyncServerStreamingCall<CellWatchEvent> watch)
    {
        using var patience = new CancellationTokenSource(Patience);
        Assert.True(await watch.ResponseStream.MoveNext(patience.Token), "the watch ended");
        return watch.ResponseStream.Current;
    }
}
