using Governance.Contracts.V1;
using Governance.Gateway.LiveFeed;
using Governance.Gateway.Validation;
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

        var stall = TimeSpan.FromSeconds(gateway.Value.WatchStallSeconds);
        // Watches of the same cells share a group: one mark per change and one message per tick for all of them.
        var key = request.CellIds.Count > 0 ? "cells:" + string.Join(',', cells.Order(StringComparer.Ordinal))
            : request.AreaCode.Length > 0 ? "area:" + request.AreaCode
            : "city";
        using var watcher = await hub.WatchAsync(key, cells, context.CancellationToken);
        await SendAsync(responseStream, context, stall, hub.Message(snapshot: true, watcher.Cells));
        try
        {
            while (true)
            {
                // Woken at each tick of its group; a message carries each changed cell once, as it is now.
                await watcher.WaitAsync(context.CancellationToken);
                if (watcher.Next() is { } message)
                {
                    await SendAsync(responseStream, context, stall, message);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away: a watch ends only so.
        }
    }

    /// <summary>Sends one message; a client that has not taken a message within <paramref name="stall"/> is cut off.</summary>
    private static async Task SendAsync(IServerStreamWriter<CellWatchEvent> stream, ServerCallContext context, TimeSpan stall, CellWatchEvent message)
    {
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
