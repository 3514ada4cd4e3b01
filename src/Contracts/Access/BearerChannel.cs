using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Contracts.Access;

/// <summary>A channel to the gateway whose every call carries 'authorization: Bearer &lt;token&gt;'.</summary>
public static class BearerChannel
{
    public static GrpcChannel ForAddress(string address, string token, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address), token, options);

    /// <param name="address">The gateway: http:// (cleartext HTTP/2) or https://.</param>
    /// <param name="token">The bearer token every call carries.</param>
    /// <param name="options">Other channel settings (a handler, message limits); the credentials are set here, and the
    /// handler is <see cref="GatewayHandler"/>'s unless one is given.</param>
    public static GrpcChannel ForAddress(Uri address, string token, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var header = "Bearer " + token.Trim();
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", header);
            return Task.CompletedTask;
        });
        options ??= new GrpcChannelOptions();
        if (options.HttpHandler is null && options.HttpClient is null)
        {
            options.HttpHandler = GatewayHandler.Create();
            options.DisposeHttpClient = true;
        }

        options.Credentials = address.Scheme == Uri.UriSchemeHttps
            ? ChannelCredentials.Create(new SslCredentials(), bearer)
            : ChannelCredentials.Create(ChannelCredentials.Insecure, bearer);
        // Cleartext HTTP/2 is the gateway's default listener, on loopback or behind a TLS-terminating proxy.
        options.UnsafeUseInsecureChannelCallCredentials = address.Scheme == Uri.UriSchemeHttp;
        return GrpcChannel.ForAddress(address, options);
    }
}
