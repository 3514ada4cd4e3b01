using Governance.Contracts.V1;
using Governance.Intake.Bench.Processes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Intake.Bench.Targets;

/// <summary>
/// Servers under load and how to open one report stream on them. Both kinds take the same messages. A cluster's
/// target has one server per silo, each with its own gateway; streams are spread over them in turn.
/// </summary>
public sealed class Target(
    string name, IReadOnlyList<ChildProcess> servers, string? token, Func<GrpcChannel, CancellationToken, AsyncDuplexStreamingCall<ReportRequest, ReportAck>> open)
{
    public const string IntakeName = "intake";
    public const string EchoName = "echo";

    /// <summary>"intake", "echo", or a cluster's name ("cluster-3").</summary>
    public string Name { get; } = name;

    /// <summary>The processes whose gateways take the streams, in the order streams are given to them.</summary>
    public IReadOnlyList<ChildProcess> Servers { get; } = servers;

    /// <summary>The first server: the only one, unless this is a cluster.</summary>
    public ChildProcess Server => Servers[0];

    /// <summary>The bearer token the silo's streams carry; the echo server takes none.</summary>
    public string? Token { get; } = token;

    /// <summary>CPU seconds used so far by a database the servers share (PostgreSQL in cluster mode); null when there is none to measure.</summary>
    public Func<double>? DatabaseCpuSeconds { get; init; }

    /// <summary>The real silo's IntakeService.ReportStream.</summary>
    public static Target Intake(ChildProcess silo, string token) => new(IntakeName, [silo], token, OpenIntake);

    /// <summary>IntakeService.ReportStream through the gateways of several silos of one cluster.</summary>
    public static Target Cluster(string name, IReadOnlyList<ChildProcess> silos, string token, Func<double> databaseCpuSeconds) =>
        new(name, silos, token, OpenIntake) { DatabaseCpuSeconds = databaseCpuSeconds };

    /// <summary>The bench's own bench.v1.EchoService.EchoStream.</summary>
    public static Target Echo(ChildProcess echo) =>
        new(EchoName, [echo], null, (channel, ct) => new V1.EchoService.EchoServiceClient(channel).EchoStream(cancellationToken: ct));

    public AsyncDuplexStreamingCall<ReportRequest, ReportAck> Open(GrpcChannel channel, CancellationToken cancellationToken) =>
        open(channel, cancellationToken);

    private static AsyncDuplexStreamingCall<ReportRequest, ReportAck> OpenIntake(GrpcChannel channel, CancellationToken cancellationToken) =>
        new IntakeService.IntakeServiceClient(channel).ReportStream(cancellationToken: cancellationToken);
}
