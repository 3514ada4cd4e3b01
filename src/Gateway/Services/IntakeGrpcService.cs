using Governance.Contracts.V1;
using Governance.Gateway.Errors;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Governance.Intake.Pipeline;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>IntakeService: validate each report, hand it to the intake pipeline, acknowledge once it is durable and processed.</summary>
public sealed class IntakeGrpcService(IntakePipeline pipeline, ReportValidator validator) : IntakeService.IntakeServiceBase
{
    public override async Task<ReportAck> Report(ReportRequest request, ServerCallContext context)
    {
        var valid = validator.Validate(request);
        var receipt = await pipeline.SubmitAsync(valid.CellId, valid.Report, waitForRoom: false, context.CancellationToken);
        return receipt.ToProto(request.ExternalId);
    }

    public override Task ReportStream(
        IAsyncStreamReader<ReportRequest> requestStream, IServerStreamWriter<ReportAck> responseStream, ServerCallContext context) =>
        OrderedAckStream.RunAsync(requestStream, responseStream, TakeAsync, context.CancellationToken);

    private async Task<ReportAck> TakeAsync(ReportRequest request, CancellationToken cancellation)
    {
        try
        {
            var valid = validator.Validate(request);
            var receipt = await pipeline.SubmitAsync(valid.CellId, valid.Report, waitForRoom: true, cancellation);
            return receipt.ToProto(request.ExternalId);
        }
        catch (Exception ex) when (ex is RpcException or IntakeUnavailableException or IntakeSaturatedException)
        {
            // The same code, message and details the unary call would fail with; the stream goes on.
            return new ReportAck { ExternalId = request.ExternalId, Outcome = ReportOutcome.Rejected, Error = StreamErrors.ToStatus(ex) };
        }
    }
}
