using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Silo.Hosting;
using Governance.TestSupport;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>
/// The real application (silo, SQLite store, gateway) with Boston's neighbourhoods as its city, on a free loopback
/// port, and clients to check what the replay left in it.
/// </summary>
public sealed class BostonServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _folder;

    private BostonServer(WebApplication app, TempFolder folder)
    {
        _app = app;
        _folder = folder;
        Address = app.Urls.Single();
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

    public static async Task<BostonServer> StartAsync()
    {
        var folder = new TempFolder("cli-boston");
        try
        {
            var app = await GovernanceApp.BuildAsync(
            [
                $"--city={TestFiles.BostonNeighborhoods}",
                "--code-property=name",
                "--Gateway:Url=http://127.0.0.1:0",
                $"--Storage:SqlitePath={folder.Combine("boston.db")}",
                $"--Orleans:SiloPort={FreePort.Next()}",
                $"--Orleans:GatewayPort={FreePort.Next()}",
                "--Logging:LogLevel:Default=Warning",
            ]);
            await app.StartAsync();
            return new BostonServer(app, folder);
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
