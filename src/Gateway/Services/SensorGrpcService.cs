using Governance.Contracts;
using Governance.Contracts.Cells;
using Governance.Contracts.V1;
using Governance.Gateway.Errors;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Governance.Intake.Pipeline;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>SensorService: validate each reading and apply it to its cell.</summary>
public sealed class SensorGrpcService(IGrainFactory grains, ReadingValidator validator) : SensorService.SensorServiceBase
{
    public override Task<ReadingAck> RecordReading(SensorReading request, ServerCallContext context) => RecordAsync(request);

    /// <summary>Readings of one stream reach each cell in the order sent, so a gauge's series is never judged stale by a race.</summary>
    public override Task RecordReadings(
        IAsyncStreamReader<SensorReading> requestStream, IServerStreamWriter<ReadingAck> responseStream, ServerCallContext context)
    {
        var perCell = new PerKeySequence();
        return OrderedAckStream.RunAsync(requestStream, responseStream, (request, _) => TakeAsync(request, perCell), context.CancellationToken);
    }

    private async Task<ReadingAck> RecordAsync(SensorReading request)
    {
        var valid = validator.Validate(request);
        return await ApplyAsync(valid, request.SensorId);
    }

    private async Task<ReadingAck> ApplyAsync(ReadingValidator.Result valid, string sensorId)
    {
        var receipt = await grains.Cell(valid.CellId).RecordReadingAsync(valid.Reading);
        return receipt.ToProto(sensorId);
    }

    private Task<ReadingAck> TakeAsync(SensorReading request, PerKeySequence perCell)
    {
        try
        {
            var valid = validator.Validate(request);
            return perCell.Enqueue(valid.CellId, () => ApplyAsync(valid, request.SensorId));
        }
        catch (RpcException ex)
        {
            return Task.FromResult(Rejected(request, ex));
        }
    }

    private static ReadingAck Rejected(SensorReading request, RpcException ex) =>
        new() { SensorId = request.SensorId, Outcome = ReadingOutcome.Rejected, Error = StreamErrors.ToStatus(ex) };
}
