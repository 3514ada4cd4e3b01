using System.Diagnostics;
using Governance.Contracts.V1;
using Governance.Gateway.LiveFeed;
using Governance.Gateway.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>GridService.WatchCells: a snapshot of the watched cells, then each change, from the process's live feed.</summary>
public sealed partial class GridGrpcService
{
    private const int MaxWatchedCells = 1_000;

    public override async Task WatchCells(WatchCellsRequest request, IServerStreamWriter<CellWatchEvent> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.CellIds.Count > 0 && request.AreaCode.Length > 0)
        {
            violations.Add("cell_ids", "watch an area or some cells, not both");
        }
        else if (request.CellIds.Count > MaxWatchedCells)
        {
            violations.Add("cell_ids", $"{request.CellIds.Count:N0} cells; a watch names at most {MaxWatchedCells:N0} (or watch their area)");
        }

        for (var i = 0; i < request.CellIds.Count && i < MaxWatchedCells; i++)
        {
            TextRules.RequireIdentifier(violations, $"cell_ids[{i}]", request.CellIds[i], CellIdMaxLength);
        }

        violations.ThrowIfAny();
        var cells = request.CellIds.Count > 0 ? request.CellIds.Select(id => PlaceRules.RequireCell(city, id).Code).Distinct().ToList()
            : request.AreaCode.Length == 0 ? [.. city.Cells.Select(c => c.Code)]
            : city.FindArea(request.AreaCode) is null ? throw new RpcException(new Status(StatusCode.NotFound, $"area_code: {city.Name} has no area '{request.AreaCode}'"))
            : [.. city.CellsInArea(request.AreaCode).Select(c => c.Code)];

        var (stall, interval) = (TimeSpan.FromSeconds(gateway.Value.WatchStallSeconds), TimeSpan.FromMilliseconds(gateway.Value.WatchIntervalMilliseconds));
        using var watcher = await hub.WatchAsync(cells, wholeCity: request.CellIds.Count == 0 && request.AreaCode.Length == 0, context.CancellationToken);
        await SendAsync(responseStream, context, stall, snapshot: true, watcher.Cells);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                // Changes meanwhile gather in the watcher's set: the next message carries each changed cell once.
                await watcher.WaitAsync(context.CancellationToken);
                if (interval - Stopwatch.GetElapsedTime(sent) is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, context.CancellationToken);
                }

                if (watcher.Take() is { Count: > 0 } changed)
                {
                    await SendAsync(responseStream, context, stall, snapshot: false, changed);
                    sent = Stopwatch.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away: a watch ends only so.
        }
    }

    /// <summary>The cells as they are now; a client that has not taken a message within <paramref name="stall"/> is cut off.</summary>
    private async Task SendAsync(IServerStreamWriter<CellWatchEvent> stream, ServerCallContext context, TimeSpan stall, bool snapshot, IEnumerable<string> cells)
    {
        var message = new CellWatchEvent { Snapshot = snapshot, SentAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        message.Cells.AddRange(cells.Select(hub.Latest).OfType<CellPulse>());
        try
        {
            // WaitAsync's timer goes with the write: thousands of watchers sending twice a second leave no timers behind.
            await stream.WriteAsync(message, context.CancellationToken).WaitAsync(stall, context.CancellationToken);
        }
        catch (TimeoutException)
        {
            // Its window is full and it does not read: the connection's buffers are all it may hold, then it goes.
            context.GetHttpContext().Abort();
            throw new RpcException(new Status(StatusCode.Unavailable, $"the watcher took no message for {stall.TotalSeconds:0} s and was cut off; watch again"));
        }
    }
}
