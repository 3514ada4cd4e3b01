using Google.Protobuf.WellKnownTypes;
using Governance.Contracts;
using Governance.Contracts.Cells;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests;

/// <summary>
/// A cell that does not answer (its silo gone, a timeout) in the middle of a sensor stream: that reading is rejected as
/// UNAVAILABLE, as the unary call would fail, and the stream goes on. The fault is a grain call filter in the real silo.
/// </summary>
public sealed class SensorStreamFaultTests
{
    [Fact]
    public async Task AReadingWhoseCellDoesNotAnswer_IsRejectedAsUnavailable_AndTheStreamGoesOn()
    {
        using var folder = new TempFolder("sensor-fault");
        var silentCell = new SilentCell();
        await using var host = await GatewayHost.StartAsync(folder.Path, builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(silentCell));
        var (answering, answeringAt) = await LocatedCellAsync(host, 10);
        var (silent, silentAt) = await LocatedCellAsync(host, 20);
        silentCell.CellKey = GrainKeys.Cell(silent);

        using var call = new SensorService.SensorServiceClient(host.Channel).RecordReadings();
        foreach (var reading in new[] { Reading("gauge-a", answeringAt, 0), Reading("gauge-s", silentAt, 0), Reading("gauge-a", answeringAt, 1) })
        {
            await call.RequestStream.WriteAsync(reading);
        }

        await call.RequestStream.CompleteAsync();
        var acks = new List<ReadingAck>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync())
        {
            acks.Add(ack);
        }

        Assert.Equal([ReadingOutcome.Recorded, ReadingOutcome.Rejected, ReadingOutcome.Recorded], acks.Select(a => a.Outcome));
        Assert.Equal((int)StatusCode.Unavailable, acks[1].Error.Code);
        Assert.Contains(silent, acks[1].Error.Message, StringComparison.Ordinal);
        Assert.True(silentCell.Refused > 0);
        Assert.NotEqual(answering, silent);
    }

    [Fact]
    public async Task AReadingThatFailsUnexpectedly_EndsTheStreamWithInternal_EvenWhileTheClientGoesOnSending()
    {
        using var folder = new TempFolder("sensor-broken");
        var brokenCell = new SilentCell { Failure = () => new InvalidOperationException("A bug in the cell.") };
        await using var host = await GatewayHost.StartAsync(folder.Path, builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(brokenCell));
        var (_, answeringAt) = await LocatedCellAsync(host, 10);
        var (broken, brokenAt) = await LocatedCellAsync(host, 20);
        brokenCell.CellKey = GrainKeys.Cell(broken);

        using var stop = new CancellationTokenSource();
        using var call = new SensorService.SensorServiceClient(host.Channel).RecordReadings(cancellationToken: stop.Token);
        await call.RequestStream.WriteAsync(Reading("gauge-b", brokenAt, 0));
        // More than the stream's window of readings in flight, never half-closing: the stream must end all the same.
        var sending = Task.Run(async () =>
        {
            for (var minute = 1; minute <= 600 && !stop.IsCancellationRequested; minute++)
            {
                await call.RequestStream.WriteAsync(Reading("gauge-a", answeringAt, minute % 30));
            }
        });

        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await sending.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(StatusCode.Internal, ended.StatusCode);
        Assert.True(brokenCell.Refused > 0);
    }

    private static async Task<(string CellId, GeoPoint At)> LocatedCellAsync(GatewayHost host, int index)
    {
        var cells = (await host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 40 })).Cells;
        for (var i = index; ; i++)
        {
            var located = await host.Grid.LocateCellAsync(new LocateCellRequest { Point = cells[i].Centroid });
            if (located.Inside && located.CellId == cells[i].CellId)
            {
                return (cells[i].CellId, cells[i].Centroid);
            }
        }
    }

    private static SensorReading Reading(string sensorId, GeoPoint at, int minutes) => new()
    {
        SensorId = sensorId,
        Kind = "water-level",
        Value = 0.2,
        MeasuredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(minutes - 30)),
        Point = at,
    };

    /// <summary>Refuses every reading sent to one cell, by default as a call to a silo that has gone times out.</summary>
    private sealed class SilentCell : IIncomingGrainCallFilter
    {
        private int _refused;

        public volatile string? CellKey;

        public Func<Exception> Failure { get; init; } = () => new TimeoutException("The cell's silo did not answer in time.");

        public int Refused => Volatile.Read(ref _refused);

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.Name == nameof(IGridCellGrain.RecordReadingAsync) && context.TargetId.Key.ToString() == CellKey)
            {
                Interlocked.Increment(ref _refused);
                throw Failure();
            }

            return context.Invoke();
        }
    }
}
