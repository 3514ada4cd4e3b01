using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Governance.Gateway.Access;
using Governance.Silo.Cities;

namespace Governance.Silo.Hosting;

/// <summary>
/// Says, once the host is up, where the gateway listens, which store is used and what was loaded; without a configured
/// signing key, also a development admin token, so that a first start can be used at once and nothing is open.
/// </summary>
public sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, StartupFacts facts, AccessTokens tokens, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (tokens.IsDevelopmentKey)
            {
                var valid = tokens.DevelopmentTokenLifetime;
                LogDevelopmentToken(logger, valid.TotalHours, tokens.Issue("dev-admin", "Development admin", [Roles.Admin], valid));
            }

            // After the token, so whoever waits for the ready line has the token already.
            LogReady(logger, addresses, facts.Store, facts.City);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Governance.Actors ready. gRPC gateway (HTTP/2 cleartext) on {Addresses}; store {Store}; {City}")]
    private static partial void LogReady(ILogger logger, ICollection<string> addresses, string store, CityLoadResult city);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:SigningKey is set, so this process signs tokens with a key of its own and they end with it. Development admin token (valid {Hours} h): {Token}")]
    private static partial void LogDevelopmentToken(ILogger logger, double hours, string token);
}
