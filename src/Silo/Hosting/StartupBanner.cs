using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Governance.Silo.Cities;

namespace Governance.Silo.Hosting;

/// <summary>Says, once the host is up, where the gateway listens, which store is used and what was loaded.</summary>
public sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, StartupFacts facts, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogReady(logger, addresses, facts.Store, facts.City);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Governance.Actors ready. gRPC gateway (HTTP/2 cleartext) on {Addresses}; store {Store}; {City}")]
    private static partial void LogReady(ILogger logger, ICollection<string> addresses, string store, CityLoadResult city);
}
