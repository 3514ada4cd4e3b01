using Governance.Grains.Clock;
using Governance.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>
/// The demo city on a host of its own whose city clock (<see cref="CityClock"/>: deadlines, history, overdue flags) a test
/// moves forward, so deadlines fall due without waiting. Orleans keeps the real time for its own timers.
/// </summary>
public sealed class ShiftedCityHostFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("shifted-city-tests");

    /// <summary>The city's time: the real time plus whatever the tests advanced it by.</summary>
    public ShiftedClock CityTime { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await GatewayHost.StartAsync(_folder.Path, builder => builder.Services.AddSingleton(new CityClock(CityTime)));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
