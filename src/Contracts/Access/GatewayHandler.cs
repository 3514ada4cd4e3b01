namespace Governance.Contracts.Access;

/// <summary>
/// The HTTP handler for channels to the gateway. Each stream may take 4 MiB of a response before the client credits the
/// server, so an answer under 512 KiB (an eighth, where .NET's client sends a stream WINDOW_UPDATE) needs none.
/// </summary>
/// <remarks>
/// Why: Kestrel 10 can leave the next response on a connection unsent when such updates arrive after a response has
/// ended (dotnet/aspnetcore#53736; a dump of a hung test showed it after a page of 1,000 cells). The handler's call then
/// waits for headers that never come.
/// </remarks>
public static class GatewayHandler
{
    /// <summary>The client's initial receive window per stream, in bytes.</summary>
    public const int StreamWindowBytes = 4 * 1024 * 1024;

    /// <summary>A handler for one channel: several HTTP/2 connections when one is full, large stream windows.</summary>
    public static SocketsHttpHandler Create() => new()
    {
        // As Grpc.Net.Client's own default handler: past 100 concurrent calls, another connection rather than a queue.
        EnableMultipleHttp2Connections = true,
        InitialHttp2StreamWindowSize = StreamWindowBytes,
    };
}
