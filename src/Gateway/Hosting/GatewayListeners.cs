using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Governance.Gateway.Hosting;

/// <summary>
/// The gateway's two listeners: gRPC over HTTP/2 (cleartext, or TLS), and (when Gateway:WebUrl is set) JSON over HTTP/1.1 for the
/// read RPCs. Their addresses are the bound ones once the server has started (port 0 becomes the port it got).
/// </summary>
public sealed class GatewayListeners
{
    internal ListenOptions? Grpc { get; set; }

    internal ListenOptions? Web { get; set; }

    /// <summary>True when the gRPC listener speaks TLS (Gateway:Url is https://).</summary>
    public bool Tls { get; init; }

    /// <summary>The gRPC address, e.g. http://127.0.0.1:5080, or https://… with TLS.</summary>
    public string GrpcAddress => (Tls ? AddressOf(Grpc)?.Replace("http://", "https://", StringComparison.Ordinal) : AddressOf(Grpc))
        ?? throw new InvalidOperationException("The gateway is not listening yet.");

    /// <summary>The JSON address, e.g. http://127.0.0.1:5081; null when there is none.</summary>
    public string? WebAddress => AddressOf(Web);

    /// <summary>The port of the JSON listener, or -1 when there is none.</summary>
    public int WebPort => Web?.IPEndPoint?.Port ?? -1;

    private static string? AddressOf(ListenOptions? listen) => listen?.IPEndPoint is { } endpoint ? $"http://{endpoint}" : null;
}
