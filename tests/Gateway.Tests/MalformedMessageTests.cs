using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>Bytes that are not a valid message get a status, change nothing, and the gateway goes on serving.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class MalformedMessageTests(DemoCityHostFixture fixture)
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    private static readonly Method<byte[], byte[]> RawReport =
        new(MethodType.Unary, "governance.v1.IntakeService", "Report", Raw, Raw);

    public static TheoryData<string, byte[]> Garbage => new()
    {
        { "truncated varint", [0x08, 0xFF, 0xFF] },
        { "length beyond the end", [0x0A, 0x7F, 0x41] },
        { "invalid wire type", [0x0F, 0x01] },
        { "field number zero", [0x00, 0x01] },
        { "invalid UTF-8 in a string", [0x0A, 0x02, 0xC3, 0x28] },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Report_BytesThatAreNotAMessage_GetAnErrorStatusAndTheGatewayKeepsServing(string what, byte[] payload)
    {
        var invoker = fixture.Host.Channel.CreateCallInvoker();

        var ex = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(RawReport, null, new CallOptions(), payload).ResponseAsync);

        // grpc-dotnet parses the request before any interceptor runs, and reports a parse failure as UNKNOWN;
        // the detail carries the parser's reason.
        Assert.True(ex.StatusCode is StatusCode.InvalidArgument or StatusCode.Internal or StatusCode.Unknown, $"{what}: {ex.StatusCode} {ex.Status.Detail}");
        Assert.Contains("InvalidProtocolBufferException", ex.Status.Detail, StringComparison.Ordinal);
        var health = await fixture.Host.Grid.ListAreasAsync(new ListAreasRequest());
        Assert.NotEmpty(health.Areas);
    }
}
