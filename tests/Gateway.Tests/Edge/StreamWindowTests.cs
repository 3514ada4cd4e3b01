using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Governance.Gateway.Tests.Edge;

/// <summary>
/// The project's channels (<see cref="GatewayHandler"/>) take an answer of tens of KiB without crediting its stream:
/// Kestrel can lose the next response on a connection when stream WINDOW_UPDATEs arrive after a response ended
/// (dotnet/aspnetcore#53736), and a call then waits for ever. Seen by the server's own frame log.
/// </summary>
public sealed class StreamWindowTests
{
    private const string KestrelHttp2 = "Microsoft.AspNetCore.Server.Kestrel.Http2";
    private const int FrameReceived = 37;
    private const int Calls = 3;

    [Fact]
    public async Task AThousandCellPage_GetsNoStreamWindowUpdate_FromTheProjectsChannels_ButDoesFromADefaultHandler()
    {
        using var folder = new TempFolder("stream-window");
        var captured = new CapturingLogs();
        await using var host = await GatewayHost.StartAsync(folder.Path, builder =>
        {
            builder.Logging.AddProvider(captured);
            builder.Logging.AddFilter<CapturingLogs>(KestrelHttp2, LogLevel.Trace);
        });
        var token = host.TokenFor("window", Roles.Admin);

        using var ours = BearerChannel.ForAddress(host.Address, token);
        var size = await ListPagesAsync(ours);
        var fromOurs = StreamWindowUpdates(captured);

        using var plain = BearerChannel.ForAddress(host.Address, token, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler(), DisposeHttpClient = true });
        await ListPagesAsync(plain);
        var fromPlain = StreamWindowUpdates(captured);

        // Larger than a default stream window: the default client has to credit it, and did (the log is read right).
        Assert.True(size > 65_535, $"A page of 1,000 cells is {size} bytes; the test needs one larger than a default stream window.");
        Assert.True(fromPlain > 0, "A default handler sent no stream WINDOW_UPDATE for a page larger than its window.");
        Assert.Equal(0, fromOurs);
    }

    private static async Task<int> ListPagesAsync(GrpcChannel channel)
    {
        var grid = new GridService.GridServiceClient(channel);
        var size = 0;
        for (var call = 0; call < Calls; call++)
        {
            size = (await grid.ListCellsAsync(new ListCellsRequest { PageSize = 1000 })).CalculateSize();
        }

        // Credit for the last answer may be sent after it is read: a call after it, and a moment, so it is in the log.
        await grid.ListCellsAsync(new ListCellsRequest { PageSize = 1 });
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        return size;
    }

    /// <summary>WINDOW_UPDATE frames the server received for a stream (not the connection) since the last count.</summary>
    private static int StreamWindowUpdates(CapturingLogs captured)
    {
        var count = 0;
        while (captured.Entries.TryDequeue(out var entry))
        {
            if (entry.Category == KestrelHttp2 && entry.EventId.Id == FrameReceived
                && entry.Field("type")?.ToString() == "WINDOW_UPDATE" && Convert.ToInt32(entry.Field("id"), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                count++;
            }
        }

        return count;
    }
}
