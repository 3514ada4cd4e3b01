using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Hosting;
using Governance.Silo.Hosting;
using Governance.TestSupport;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>
/// The real embedded application (silo, SQLite store, demo city, gateway) on a free loopback port, and a
/// gRPC channel to it over HTTP/2 cleartext. Start it again on the same folder to test a restart.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, string address)
    {
        _app = app;
        Address = address;
        Channel = ChannelAs("test-admin", Roles.Admin);
        Intake = new IntakeService.IntakeServiceClient(Channel);
        Grid = new GridService.GridServiceClient(Channel);
        Cases = new CaseService.CaseServiceClient(Channel);
    }

    public string Address { get; }

    /// <summary>A channel whose calls carry an admin's token.</summary>
    public GrpcChannel Channel { get; }

    public IntakeService.IntakeServiceClient Intake { get; }

    public GridService.GridServiceClient Grid { get; }

    public CaseService.CaseServiceClient Cases { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The JSON (HTTP/1.1) address: the console, the JSON routes, /metrics and the dashboard.</summary>
    public string WebAddress => Services.GetRequiredService<GatewayListeners>().WebAddress!;

    /// <summary>A client of the JSON port; <paramref name="handler"/> to keep redirects, say.</summary>
    public HttpClient WebClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler()) { BaseAddress = new Uri(WebAddress) };

    /// <summary>A new channel whose calls carry a token for <paramref name="subject"/> with these roles, signed by this host's key.</summary>
    public GrpcChannel ChannelAs(string subject, params string[] roles) =>
        BearerChannel.ForAddress(Address, TokenFor(subject, roles), UnaryDeadlineHandler.Options());

    /// <summary>A token for <paramref name="subject"/> with these roles, signed by this host's key.</summary>
    public string TokenFor(string subject, params string[] roles) =>
        Services.GetRequiredService<AccessTokens>().Issue(subject, subject, roles, TimeSpan.FromHours(1));

    /// <summary>
    /// Starts the application with its data in <paramref name="dataFolder"/>. The silo ports come from
    /// <see cref="FreePort"/>; another process can take one before the silo binds it, so a failed start is tried
    /// again with new ports.
    /// </summary>
    public static Task<GatewayHost> StartAsync(string dataFolder, params string[] extraArgs) => StartAsync(dataFolder, configure: null, extraArgs);

    /// <summary>As above, with <paramref name="configure"/> given the builder before the application is built (logging, say).</summary>
    public static async Task<GatewayHost> StartAsync(string dataFolder, Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        for (var attempt = 1; ; attempt++)
        {
            string[] args =
            [
                "--Gateway:Url=http://127.0.0.1:0",
                "--Gateway:WebUrl=http://127.0.0.1:0",
                $"--Storage:SqlitePath={Path.Combine(dataFolder, "governance.db")}",
                $"--Orleans:SiloPort={FreePort.Next()}",
                $"--Orleans:GatewayPort={FreePort.Next()}",
                "--Logging:LogLevel:Default=Warning",
                .. extraArgs,
            ];
            var app = await GovernanceApp.BuildAsync(args, configure);
            try
            {
                await app.StartAsync();
                return new GatewayHost(app, app.Services.GetRequiredService<GatewayListeners>().GrpcAddress);
            }
            catch (Exception ex) when (attempt < 3 && IsPortTaken(ex))
            {
                await app.DisposeAsync();
            }
        }
    }

    private static bool IsPortTaken(Exception ex) =>
        ex.ToString().Contains("Address already in use", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
