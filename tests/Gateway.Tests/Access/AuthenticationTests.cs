using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Gateway.Tests.Access;

/// <summary>Tokens at the door, over HTTP/2: each way a token can be wrong is UNAUTHENTICATED with its own reason.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class AuthenticationTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task ABadToken_IsRefusedWithWhatIsWrongWithIt()
    {
        var ownKey = Host.Services.GetRequiredService<AccessTokens>();
        var otherKey = new AccessTokens(Options.Create(new AccessOptions()), TimeProvider.System);

        var cases = new (string Header, string Reason)[]
        {
            ("Basic YWRtaW46YWRtaW4=", "the header must read 'Bearer <token>'"),
            ("Bearer not-a-token", "the token is not a JWT"),
            ("Bearer " + otherKey.Issue("mallory", "Mallory", [Roles.Admin], TimeSpan.FromHours(1)), "signature does not match this city's signing key"),
            ("Bearer " + ownKey.Issue("mayor", "Mayor", ["mayor"], TimeSpan.FromHours(1)), "unknown role 'mayor'"),
            ("Bearer " + ownKey.Issue("nobody", "Nobody", [], TimeSpan.FromHours(1)), "names no role"),
        };
        // A channel of its own: the host's channel adds the admin's header to every call.
        using var bare = GrpcChannel.ForAddress(Host.Address);
        var grid = new GridService.GridServiceClient(bare);
        var refusals = new List<RpcException>();
        foreach (var (header, _) in cases)
        {
            refusals.Add(await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => grid.ListAreasAsync(new ListAreasRequest(), new Metadata { { "authorization", header } }).ResponseAsync));
        }

        for (var i = 0; i < cases.Length; i++)
        {
            Assert.True(refusals[i].Status.Detail.Contains(cases[i].Reason, StringComparison.Ordinal), refusals[i].Status.Detail);
            Assert.StartsWith("authorization: ", refusals[i].Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheHealthProbe_NeedsNoToken_ButEverythingElseDoes()
    {
        using var anonymous = GrpcChannel.ForAddress(Host.Address);
        var health = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest());
        var refused = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => new GridService.GridServiceClient(anonymous).ListAreasAsync(new ListAreasRequest()).ResponseAsync);
        using var reporter = Host.ChannelAs("app-1", Roles.Reporter);
        var areas = await new GridService.GridServiceClient(reporter).ListAreasAsync(new ListAreasRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains("no bearer token", refused.Status.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(areas.Areas);
    }

    [Fact]
    public async Task ATokenFromTheSilosTokenVerb_OpensAGatewayWithTheSameKey_UntilItExpires_AndTheVerbRefusesWithoutAKey()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var issued = Silo.Hosting.TokenCommand.Run(["--subject", "sensor-17", "--role", "reporter", "--hours", "2", $"--Auth:SigningKey={key}"], output, error);
        using var noKeyError = new StringWriter();
        var refused = Silo.Hosting.TokenCommand.Run(["--subject", "sensor-17", "--role", "reporter"], TextWriter.Null, noKeyError);
        using var badRoleError = new StringWriter();
        var badRole = Silo.Hosting.TokenCommand.Run(["--subject", "x", "--role", "mayor", $"--Auth:SigningKey={key}"], TextWriter.Null, badRoleError);

        using var folder = new TestSupport.TempFolder("token-verb");
        await using var host = await GatewayHost.StartAsync(folder.Path, $"--Auth:SigningKey={key}");
        using var channel = BearerChannel.ForAddress(host.Address, output.ToString().Trim());
        var areas = await new GridService.GridServiceClient(channel).ListAreasAsync(new ListAreasRequest());
        var forbidden = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new CaseService.CaseServiceClient(channel).ListCasesAsync(new ListCasesRequest()).ResponseAsync);
        var issuedTwoDaysAgo = new AccessTokens(Options.Create(new AccessOptions { SigningKey = key }), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2)))
            .Issue("late", "Late", [Roles.Admin], TimeSpan.FromHours(1));
        using var lateChannel = BearerChannel.ForAddress(host.Address, issuedTwoDaysAgo);
        var expired = await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new GridService.GridServiceClient(lateChannel).ListAreasAsync(new ListAreasRequest()).ResponseAsync);

        Assert.Equal((0, ""), (issued, error.ToString()));
        Assert.NotEmpty(areas.Areas);
        Assert.Contains("sensor-17 (reporter) may not call CaseService.ListCases; it is for grid-worker, dispatcher, civil-affairs, analyst, admin", forbidden.Status.Detail, StringComparison.Ordinal);
        Assert.Matches(@"^authorization: the token expired at \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", expired.Status.Detail);
        Assert.Equal(2, refused);
        Assert.Contains("no Auth:SigningKey is configured", noKeyError.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, badRole);
        Assert.Contains("--role 'mayor' is not a role", badRoleError.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MaskedValues_KeepOnlyWhatIdentifiesNoOne()
    {
        Assert.Equal("1****************X", ProfileMasking.IdNumber("11010519491231002X"));
        Assert.Equal("139****4321", ProfileMasking.Phone("13912344321"));
        Assert.Equal("+86 138-****-8000", ProfileMasking.Phone("+86 138-0013-8000"));
        Assert.Equal("****4321", ProfileMasking.Phone("87654321"));
        Assert.Equal("*****", ProfileMasking.Phone("12345"));
    }
}
