using Governance.Contracts;
using Governance.Contracts.Cells;
using Governance.Contracts.V1;
using Governance.Gateway.Errors;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Governance.Intake.Pipeline;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Governance.Gateway.Services;

/// <summary>SensorService: validate each reading and apply it to its cell.</summary>
public sealed partial class SensorGrpcService(IGrainFactory grains, ReadingValidator validator, ILogger<SensorGrpcService> logger) : SensorService.SensorServiceBase
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
            return perCell.Enqueue(valid.CellId, () => ApplyOrRejectAsync(valid, request.SensorId));
        }
        catch (RpcException ex)
        {
            return Task.FromResult(Rejected(request.SensorId, StreamErrors.ToStatus(ex)));
        }
    }

    // In a stream, a cell that does not answer rejects its reading as the unary call would fail (UNAVAILABLE); the stream
    // goes on. Before, the failure ended the stream's acks while it kept reading, and it hung once its window filled.
    private async Task<ReadingAck> ApplyOrRejectAsync(ReadingValidator.Result valid, string sensorId)
    {
        try
        {
            return await ApplyAsync(valid, sensorId);
        }
        catch (Exception ex) when (TransientFailures.Is(ex))
        {
            LogUnanswered(logger, valid.CellId, ex);
            return Rejected(sensorId, new Google.Rpc.Status
            {
                Code = (int)StatusCode.Unavailable,
                Message = $"Cell {valid.CellId} did not answer; the reading may not be recorded. Send it again.",
            });
        }
    }

    private static ReadingAck Rejected(string sensorId, Google.Rpc.Status error) =>
        new() { SensorId = sensorId, Outcome = ReadingOutcome.Rejected, Error = error };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cell {CellId} did not answer a sensor reading; it was rejected as unavailable")]
    private static partial void LogUnanswered(ILogger logger, string cellId, Exception exception);
}
