using Governance.Gateway.Access;
using Governance.Gateway.Hosting;
using Governance.Silo.Cities;

namespace Governance.Silo.Hosting;

/// <summary>
/// Says, once the host is up, where the gateway listens, which store is used and what was loaded; without a configured
/// signing key, also a development admin token, so that a first start can be used at once and nothing is open.
/// </summary>
public sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime, GatewayListeners listeners, StartupFacts facts, AccessTokens tokens, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (tokens.IsDevelopmentKey)
            {
                var valid = tokens.DevelopmentTokenLifetime;
                LogDevelopmentToken(logger, valid.TotalHours, tokens.Issue("dev-admin", "Development admin", [Roles.Admin], valid));
            }

            // After the token, so whoever waits for the ready line has the token already.
            var json = listeners.WebAddress is { } web ? $"JSON over HTTP/1.1 on {web}" : "no JSON port (Gateway:WebUrl)";
            LogReady(logger, listeners.Tls ? "over TLS" : "cleartext", listeners.GrpcAddress, json, facts.Store, facts.City);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Governance.Actors ready. gRPC gateway (HTTP/2 {Transport}) on {Address}; {Json}; store {Store}; {City}")]
    private static partial void LogReady(ILogger logger, string transport, string address, string json, string store, CityLoadResult city);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:SigningKey is set, so this process signs tokens with a key of its own and they end with it. Development admin token (valid {Hours} h): {Token}")]
    private static partial void LogDevelopmentToken(ILogger logger, double hours, string token);
}
