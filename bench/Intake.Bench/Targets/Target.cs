using Governance.Contracts.V1;
using Governance.Intake.Bench.Processes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Intake.Bench.Targets;

/// <summary>A server under load and how to open one report stream on it. Both targets take the same messages.</summary>
public sealed class Target(string name, ChildProcess server, string? token, Func<GrpcChannel, CancellationToken, AsyncDuplexStreamingCall<ReportRequest, ReportAck>> open)
{
    public const string IntakeName = "intake";
    public const string EchoName = "echo";

    /// <summary>"intake" or "echo".</summary>
    public string Name { get; } = name;

    public ChildProcess Server { get; } = server;

    /// <summary>The bearer token the silo's streams carry; the echo server takes none.</summary>
    public string? Token { get; } = token;

    /// <summary>The real silo's IntakeService.ReportStream.</summary>
    public static Target Intake(ChildProcess silo, string token) =>
        new(IntakeName, silo, token, (channel, ct) => new IntakeService.IntakeServiceClient(channel).ReportStream(cancellationToken: ct));

    /// <summary>The bench's own bench.v1.EchoService.EchoStream.</summary>
    public static Target Echo(ChildProcess echo) =>
        new(EchoName, echo, null, (channel, ct) => new V1.EchoService.EchoServiceClient(channel).EchoStream(cancellationToken: ct));

    public AsyncDuplexStreamingCall<ReportRequest, ReportAck> Open(GrpcChannel channel, CancellationToken cancellationToken) =>
        open(channel, cancellationToken);
}
