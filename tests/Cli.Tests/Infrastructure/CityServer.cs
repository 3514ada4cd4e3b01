using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Hosting;
using Governance.Grains.Clock;
using Governance.Silo.Hosting;
using Governance.TestSupport;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>
/// The real application (silo, SQLite store, gateway) with Boston's neighbourhoods or the demo city as its city, on a
/// free loopback port, and clients to check what the replay left in it.
/// </summary>
public sealed class CityServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _folder;

    private CityServer(WebApplication app, TempFolder folder)
    {
        _app = app;
        _folder = folder;
        Address = app.Services.GetRequiredService<GatewayListeners>().GrpcAddress;
        AdminToken = TokenFor("test-admin", Roles.Admin);
        Channel = BearerChannel.ForAddress(Address, AdminToken);
        Intake = new IntakeService.IntakeServiceClient(Channel);
        Cases = new CaseService.CaseServiceClient(Channel);
    }

    public string Address { get; }

    /// <summary>An admin's token for this server, for the CLI's --token.</summary>
    public string AdminToken { get; }

    /// <summary>A token of this server's key for <paramref name="subject"/> with these roles.</summary>
    public string TokenFor(string subject, params string[] roles) =>
        _app.Services.GetRequiredService<AccessTokens>().Issue(subject, subject, roles, TimeSpan.FromHours(1));

    /// <summary>A channel whose calls carry <see cref="AdminToken"/>.</summary>
    public GrpcChannel Channel { get; }

    public IntakeService.IntakeServiceClient Intake { get; }

    public CaseService.CaseServiceClient Cases { get; }

    /// <summary>Boston's neighbourhoods as the city, without households.</summary>
    public static Task<CityServer> StartBostonAsync() => StartBostonAsync(cityTime: null);

    /// <summary>Boston's neighbourhoods, the city's clock (deadlines, overdue flags) reading <paramref name="cityTime"/> when given.</summary>
    public static Task<CityServer> StartBostonAsync(TimeProvider? cityTime) =>
        StartAsync("cli-boston", [$"--city={TestFiles.BostonNeighborhoods}", "--code-property=name"], cityTime);

    /// <summary>The demo city, with its register of households and residents, and its river.</summary>
    public static Task<CityServer> StartDemoCityAsync() => StartAsync("cli-demo", [], cityTime: null);

    private static async Task<CityServer> StartAsync(string name, string[] city, TimeProvider? cityTime)
    {
        var folder = new TempFolder(name);
        try
        {
            var app = await GovernanceApp.BuildAsync(
            [
                .. city,
                "--Gateway:Url=http://127.0.0.1:0",
                "--Gateway:WebUrl=http://127.0.0.1:0",
                $"--Storage:SqlitePath={folder.Combine("city.db")}",
                $"--Orleans:SiloPort={FreePort.Next()}",
                $"--Orleans:GatewayPort={FreePort.Next()}",
                "--Logging:LogLevel:Default=Warning",
            ],
            cityTime is null ? null : builder => builder.Services.AddSingleton(new CityClock(cityTime)));
            await app.StartAsync();
            return new CityServer(app, folder);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
