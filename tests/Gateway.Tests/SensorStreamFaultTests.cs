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
/// A cell that fails a reading in the middle of a sensor stream, by a grain call filter in the real silo. Not answering
/// (its silo gone, a timeout): that reading is rejected as UNAVAILABLE, as the unary call would fail, and the stream goes
/// on. Failing otherwise (a bug): the stream ends with INTERNAL, even while the client goes on sending.
/// </summary>
public sealed class SensorStreamFaultTests
{
    [Fact]
    public async Task AReadingWhoseCellDoesNotAnswer_IsRejectedAsUnavailable_AndTheStreamGoesOn()
    {
        using var folder = new TempFolder("sensor-fault");
        var faults = new InjectedFaults();
        await using var host = await StartAsync(folder, faults);
        var (_, answeringAt) = await CityProbe.FreshCellAsync(host);
        var (silent, silentAt) = await CityProbe.FreshCellAsync(host);
        using var fault = faults.Fail(CellGrain(host, silent), nameof(IGridCellGrain.RecordReadingAsync));

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
        Assert.True(faults.Failed > 0);
    }

    [Fact]
    public async Task AReadingThatFailsUnexpectedly_EndsTheStreamWithInternal_EvenWhileTheClientGoesOnSending()
    {
        using var folder = new TempFolder("sensor-broken");
        var faults = new InjectedFaults();
        await using var host = await StartAsync(folder, faults);
        var (_, answeringAt) = await CityProbe.FreshCellAsync(host);
        var (broken, brokenAt) = await CityProbe.FreshCellAsync(host);
        using var fault = faults.Fail(CellGrain(host, broken), nameof(IGridCellGrain.RecordReadingAsync), () => new InvalidOperationException("A bug in the cell."));

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
        Assert.True(faults.Failed > 0);
    }

    private static Task<GatewayHost> StartAsync(TempFolder folder, InjectedFaults faults) =>
        GatewayHost.StartAsync(folder.Path, builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(faults));

    private static GrainId CellGrain(GatewayHost host, string cellId) => host.Services.GetRequiredService<IGrainFactory>().Cell(cellId).GetGrainId();

    private static SensorReading Reading(string sensorId, GeoPoint at, int minutes) => new()
    {
        SensorId = sensorId,
        Kind = "water-level",
        Value = 0.2,
        MeasuredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(minutes - 30)),
        Point = at,
    };
}
