using Governance.Contracts.V1;
using Governance.Gateway.Errors;
using Governance.Gateway.Mapping;
using Governance.Gateway.Operations;
using Governance.Gateway.Validation;
using Governance.Intake.Pipeline;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>IntakeService: validate each report, hand it to the intake pipeline, acknowledge once it is durable and processed.</summary>
public sealed class IntakeGrpcService(IntakePipeline pipeline, ReportValidator validator, IntakeMetrics metrics) : IntakeService.IntakeServiceBase
{
    public override async Task<ReportAck> Report(ReportRequest request, ServerCallContext context)
    {
        var received = metrics.Received();
        try
        {
            var valid = validator.Validate(request);
            var receipt = await pipeline.SubmitAsync(valid.CellId, valid.Report, waitForRoom: false, context.CancellationToken);
            metrics.Acked(received, receipt.Outcome);
            return receipt.ToProto(request.ExternalId);
        }
        catch (Exception ex) when (ex is RpcException or IntakeUnavailableException or IntakeSaturatedException)
        {
            metrics.Rejected(ex);
            throw;
        }
    }

    public override Task ReportStream(
        IAsyncStreamReader<ReportRequest> requestStream, IServerStreamWriter<ReportAck> responseStream, ServerCallContext context) =>
        OrderedAckStream.RunAsync(requestStream, responseStream, TakeAsync, context.CancellationToken);

    private async Task<ReportAck> TakeAsync(ReportRequest request, CancellationToken cancellation)
    {
        var received = metrics.Received();
        try
        {
            var valid = validator.Validate(request);
            var receipt = await pipeline.SubmitAsync(valid.CellId, valid.Report, waitForRoom: true, cancellation);
            metrics.Acked(received, receipt.Outcome);
            return receipt.ToProto(request.ExternalId);
        }
        catch (Exception ex) when (ex is RpcException or IntakeUnavailableException or IntakeSaturatedException)
        {
            metrics.Rejected(ex);
            // The same code, message and details the unary call would fail with; the stream goes on.
            return new ReportAck { ExternalId = request.ExternalId, Outcome = ReportOutcome.Rejected, Error = StreamErrors.ToStatus(ex) };
        }
    }
}
