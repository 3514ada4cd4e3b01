using Google.Protobuf.Reflection;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests.Access;

/// <summary>
/// The gateway keeps to the access matrix (<see cref="AccessMatrix"/>): each role gets past the door exactly where the
/// matrix says; every other one is PERMISSION_DENIED, naming the caller and the method; no token is UNAUTHENTICATED.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class AccessMatrixTests(DemoCityHostFixture fixture)
{
    [Fact]
    public void TheMatrix_CoversEveryMethodOfTheContract()
    {
        var methods = AccessMatrix.Services.SelectMany(service => service.Methods.Select(m => $"{service.Name}.{m.Name}")).Order().ToList();
        Assert.Equal(methods, AccessMatrix.Expected.Keys.Order().ToList());
    }

    [Fact]
    public async Task EachRole_IsLetInExactlyWhereTheMatrixSays_AndNoTokenNowhere()
    {
        Assert.Empty(await AccessMatrix.DeviationsAsync(fixture.Host.Address, (subject, role) => fixture.Host.ChannelAs(subject, role)));
    }

    [Fact]
    public void TheGatewaysTable_HasAnEntryForEveryMethodItServes_AndOpensOnlyHealthToAnyone()
    {
        var served = AccessMatrix.Services.Append(Grpc.Reflection.V1.ServerReflection.Descriptor).Append(Grpc.Health.V1.Health.Descriptor)
            .SelectMany(service => service.Methods.Select(method => RpcPermissions.PathOf(service, method)));
        Assert.All(served, path => Assert.True(RpcPermissions.ByMethod.ContainsKey(path), $"{path} has no permission"));
        // Only the health probe is open without a token.
        Assert.Equal(
            ["/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/Watch"],
            RpcPermissions.ByMethod.Where(entry => entry.Value.Anonymous).Select(entry => entry.Key).Order(StringComparer.Ordinal).ToList());
    }
}
