using Governance.Contracts.V1;
using Grpc.Core;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>An IntakeService whose ReportStream does what the test's script says.</summary>
public sealed class ScriptedIntakeService(ScriptedIntakeServer.Script script) : IntakeService.IntakeServiceBase
{
    public override Task ReportStream(IAsyncStreamReader<ReportRequest> requestStream, IServerStreamWriter<ReportAck> responseStream, ServerCallContext context) =>
        script(requestStream, responseStream);
}
