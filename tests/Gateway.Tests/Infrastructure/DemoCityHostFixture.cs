using Governance.TestSupport;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>One running application with the demo city, shared by the tests of a collection.</summary>
public sealed class DemoCityHostFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("gateway-tests");

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCityCollection : ICollectionFixture<DemoCityHostFixture>
{
    public const string Name = "Demo city host";
}
