using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;

namespace Governance.Gateway.Tests.Edge;

/// <summary>
/// More than 10,000 random, boundary-value and malformed messages to every RPC of the gateway, as an admin (so that
/// each reaches its handler): each gets a status that names a client's mistake or the state of things, never an
/// internal error, and the gateway goes on serving. A host of its own: the messages that are valid change its city.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int MessagesInAll = 10_000;
    private const int GarbagePerMethod = 8;
    private const int Seed = 20261202;

    private static readonly TimeSpan UnaryTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(2);

    // What a client's mistake, a missing thing or the state of things is told. Not INTERNAL, UNKNOWN, UNAVAILABLE,
    // UNIMPLEMENTED or DATA_LOSS: those would say the server failed.
    private static readonly HashSet<StatusCode> Answers =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.PermissionDenied,
        StatusCode.AlreadyExists, StatusCode.Aborted, StatusCode.OutOfRange, StatusCode.ResourceExhausted,
    ];

    private readonly TempFolder _folder = new("fuzz");
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task EveryRpc_RandomBoundaryAndMalformedMessages_GetProperStatuses_AndTheGatewayStaysHealthy()
    {
        var methods = typeof(IntakeService).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", typeof(ServiceDescriptor))?.GetValue(null) as ServiceDescriptor)
            .OfType<ServiceDescriptor>()
            .SelectMany(service => service.Methods)
            .ToList();
        Assert.True(methods.Count > 40, $"Only {methods.Count} RPCs found: the descriptors were not all read.");
        var perMethod = (MessagesInAll + methods.Count - 1) / methods.Count;

        var failures = new ConcurrentBag<string>();
        var sent = 0;
        var invoker = _host.Channel.CreateCallInvoker();
        await Parallel.ForEachAsync(methods, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (method, _) =>
        {
            // string.GetHashCode differs from run to run; this does not, so a failure comes back with the same messages.
            var fuzzer = new MessageFuzzer(method.FullName.Aggregate(Seed, (hash, c) => unchecked((hash * 31) + c)));
            for (var i = 0; i < perMethod + GarbagePerMethod; i++)
            {
                var garbage = i >= perMethod;
                var request = garbage ? null : fuzzer.Message(method.InputType);
                var payload = request?.ToByteArray() ?? fuzzer.Garbage();
                // A few responses of a stream are enough, and a live feed would go on until its deadline.
                var timeout = method.IsServerStreaming || method.IsClientStreaming ? StreamTimeout : UnaryTimeout;
                var result = await RawCall.RunAsync(invoker, method, payload, timeout, maxResponses: 3);
                var (status, detail) = (result.StatusCode, result.Detail);
                Interlocked.Increment(ref sent);
                if (!Proper(method, status, detail, garbage))
                {
                    failures.Add($"{method.FullName}: {status} \"{Shorten(detail)}\" for {(request is null ? Convert.ToHexString(payload) : Shorten(request.ToString() ?? ""))}");
                }
            }
        });

        Assert.True(sent >= MessagesInAll, $"Only {sent} messages were sent.");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} messages got an improper status:\n{string.Join('\n', failures.Take(15))}");
        var health = await new Health.HealthClient(_host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var cell = (await _host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].CellId;
        Assert.NotEmpty((await _host.Intake.ReportAsync(Reports.InCell(cell))).CaseId);
    }

    private static bool Proper(MethodDescriptor method, StatusCode status, string detail, bool garbage)
    {
        if (Answers.Contains(status))
        {
            return true;
        }

        // A stream the test itself cut short.
        if ((method.IsServerStreaming || method.IsClientStreaming) && status is StatusCode.DeadlineExceeded or StatusCode.Cancelled)
        {
            return true;
        }

        // grpc-dotnet parses a request before any of the gateway's code runs, and reports bytes that are no message as
        // UNKNOWN or INTERNAL with the parser's reason (MalformedMessageTests).
        return garbage && detail.Contains("InvalidProtocolBufferException", StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
