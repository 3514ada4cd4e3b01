using Governance.Contracts.V1;
using Governance.Intake.Bench.V1;
using Grpc.Core;

namespace Governance.Intake.Bench.Echo;

/// <summary>Answers each report at once with an ack of the same shape intake sends; stores nothing, checks nothing.</summary>
public sealed class EchoGrpcService(EchoFault fault) : EchoService.EchoServiceBase
{
    // Sized like real case and cell ids (17 base32 characters; "<area>.<column>.<row>") so acks weigh the same.
    private const string CaseId = "c0echo00000000000";
    private const string CellId = "echo-area.000.000";
    private const int FaultEvery = 1000;

    public override async Task EchoStream(
        IAsyncStreamReader<ReportRequest> requestStream, IServerStreamWriter<ReportAck> responseStream, ServerCallContext context)
    {
        long count = 0;
        ReportAck? held = null;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var ack = new ReportAck
            {
                CaseId = CaseId,
                CellId = CellId,
                Outcome = ReportOutcome.Created,
                ExternalId = requestStream.Current.ExternalId,
            };
            if (fault == EchoFault.Stall && ++count > FaultEvery)
            {
                continue;
            }

            if (fault is EchoFault.None or EchoFault.Stall || ++count % FaultEvery != 0)
            {
                await responseStream.WriteAsync(ack);
                if (held is not null)
                {
                    await responseStream.WriteAsync(held);
                    held = null;
                }
            }
            else if (fault == EchoFault.Reorder)
            {
                held = ack;
            }
        }

        if (held is not null)
        {
            await responseStream.WriteAsync(held);
        }
    }
}
