using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>Readings update the cell's live state; crossing the threshold opens one alarm case; falling back notes it.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class SensorTests(DemoCityHostFixture fixture)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddHours(-1);

    private GatewayHost Host => fixture.Host;

    private SensorService.SensorServiceClient Sensors => new(Host.Channel);

    [Fact]
    public async Task Readings_BelowThenAboveThenAboveThenBelow_OpenOneAlarmAndNoteItsEnd()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var gauge = $"gauge-{Guid.NewGuid():N}";
        var before = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.Counters.CasesOpened;

        var low = await Sensors.RecordReadingAsync(Reading(gauge, centre, 0.6, 0));
        var high = await Sensors.RecordReadingAsync(Reading(gauge, centre, 1.8, 10));
        var higher = await Sensors.RecordReadingAsync(Reading(gauge, centre, 2.1, 20));
        var back = await Sensors.RecordReadingAsync(Reading(gauge, centre, 1.1, 30));

        Assert.Equal(
            [ReadingOutcome.Recorded, ReadingOutcome.AlarmRaised, ReadingOutcome.Recorded, ReadingOutcome.AlarmCleared],
            new[] { low, high, higher, back }.Select(a => a.Outcome));
        Assert.Equal("", low.AlarmCaseId);
        Assert.Equal(high.AlarmCaseId, higher.AlarmCaseId);
        Assert.Equal(high.AlarmCaseId, back.AlarmCaseId);
        var cell = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(before + 1, cell.Counters.CasesOpened);
        var status = Assert.Single(cell.Sensors, s => s.SensorId == gauge);
        Assert.Equal((1.1, "m", 1.5, false, high.AlarmCaseId), (status.Value, status.Unit, status.Threshold, status.InAlarm, status.AlarmCaseId));
        var alarm = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = high.AlarmCaseId })).Case;
        Assert.Equal("flood.water-level-alarm", alarm.Category);
        Assert.Equal(ReportSource.Sensor, Assert.Single(alarm.Reporters).Source);
        Assert.Contains("fell back to 1.1 m", alarm.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_OlderThanTheLatest_IsStaleAndChangesNothing()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var gauge = $"gauge-{Guid.NewGuid():N}";
        await Sensors.RecordReadingAsync(Reading(gauge, centre, 0.7, 10));

        var late = await Sensors.RecordReadingAsync(Reading(gauge, centre, 3.0, 5));

        Assert.Equal(ReadingOutcome.Stale, late.Outcome);
        var status = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.Sensors.Single(s => s.SensorId == gauge);
        Assert.Equal((0.7, false), (status.Value, status.InAlarm));
    }

    [Theory]
    [InlineData("unknown kind", "kind")]
    [InlineData("no sensor id", "sensor_id")]
    [InlineData("NaN value", "value")]
    [InlineData("outside the city", "point")]
    [InlineData("no time", "measured_at")]
    public async Task Reading_BadInput_IsInvalidArgumentNamingTheField(string mistake, string field)
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var reading = Reading($"gauge-{Guid.NewGuid():N}", centre, 1.0, 0);
        switch (mistake)
        {
            case "unknown kind": reading.Kind = "tide"; break;
            case "no sensor id": reading.SensorId = ""; break;
            case "NaN value": reading.Value = double.NaN; break;
            case "outside the city": reading.Point = new GeoPoint { Latitude = 0, Longitude = 0 }; break;
            case "no time": reading.MeasuredAt = null; break;
        }

        await RpcAssert.InvalidField(field, () => Sensors.RecordReadingAsync(reading).ResponseAsync);
    }

    [Fact]
    public async Task RecordReadings_Stream_AcksInOrderWithRejectionsInPlace()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var gauge = $"gauge-{Guid.NewGuid():N}";
        var bad = Reading(gauge, centre, 1.0, 1);
        bad.Kind = "tide";
        using var call = Sensors.RecordReadings();

        foreach (var reading in new[] { Reading(gauge, centre, 0.5, 0), bad, Reading(gauge, centre, 1.6, 2) })
        {
            await call.RequestStream.WriteAsync(reading);
        }

        await call.RequestStream.CompleteAsync();
        var acks = new List<ReadingAck>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync())
        {
            acks.Add(ack);
        }

        Assert.Equal([ReadingOutcome.Recorded, ReadingOutcome.Rejected, ReadingOutcome.AlarmRaised], acks.Select(a => a.Outcome));
        Assert.Equal("kind", acks[1].Error.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task RecordReadings_Stream_AppliesOneGaugeSeriesInTheOrderSent()
    {
        // A fresh cell is not yet activated: back-to-back grain calls used to overtake each other here,
        // and the earlier readings came back Stale.
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var gauge = $"gauge-{Guid.NewGuid():N}";
        using var call = Sensors.RecordReadings();
        const int count = 40;
        for (var minute = 0; minute < count; minute++)
        {
            await call.RequestStream.WriteAsync(Reading(gauge, centre, 0.1 + (minute * 0.01), minute));
        }

        await call.RequestStream.CompleteAsync();
        var outcomes = new List<ReadingOutcome>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync())
        {
            outcomes.Add(ack.Outcome);
        }

        Assert.Equal(Enumerable.Repeat(ReadingOutcome.Recorded, count), outcomes);
        var status = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.Sensors.Single(s => s.SensorId == gauge);
        Assert.Equal(0.1 + ((count - 1) * 0.01), status.Value, 9);
    }

    private static SensorReading Reading(string sensorId, GeoPoint at, double metres, int minutes) => new()
    {
        SensorId = sensorId,
        Kind = "water-level",
        Value = metres,
        MeasuredAt = Timestamp.FromDateTimeOffset(Start.AddMinutes(minutes)),
        Point = at,
    };
}
