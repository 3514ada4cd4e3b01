using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Core;

namespace Governance.Gateway.Tests.Edge;

/// <summary>Each client is held to its own rate: over it, RESOURCE_EXHAUSTED with when to retry; others go on.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int PerSecond = 5;
    private readonly TempFolder _folder = new("rate-limit");
    private GatewayHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GatewayHost.StartAsync(_folder.Path, $"--Gateway:RateLimit:CallsPerSecond={PerSecond}", $"--Gateway:RateLimit:Burst={PerSecond}");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Client_OverItsRate_IsRefusedWithRetryInfo_WhileAnotherClientGoesOn_AndItMayCallAgainLater()
    {
        using var busyChannel = _host.ChannelAs("app-busy", "analyst");
        using var quietChannel = _host.ChannelAs("app-quiet", "analyst");
        var busy = new GridService.GridServiceClient(busyChannel);
        var quiet = new GridService.GridServiceClient(quietChannel);

        var refusals = new List<RpcException>();
        for (var i = 0; i < 4 * PerSecond; i++)
        {
            try
            {
                await busy.ListAreasAsync(new ListAreasRequest());
            }
            catch (RpcException ex)
            {
                refusals.Add(ex);
            }
        }

        // The burst goes through; past it, the calls are refused faster than the bucket refills.
        Assert.InRange(refusals.Count, PerSecond, (4 * PerSecond) - PerSecond);
        var refused = refusals[0];
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("'app-busy'", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Gateway:RateLimit", refused.Status.Detail, StringComparison.Ordinal);
        var retry = refused.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>();
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));

        Assert.NotEmpty((await quiet.ListAreasAsync(new ListAreasRequest())).Areas);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.NotEmpty((await busy.ListAreasAsync(new ListAreasRequest())).Areas);
    }
}
