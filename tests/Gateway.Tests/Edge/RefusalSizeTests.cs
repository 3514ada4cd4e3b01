using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests.Edge;

/// <summary>
/// A refusal that quotes a huge value is cut to size: sent whole, in the status message and again in its details, it
/// passed the client's 64 KB header limit, and the client aborted the connection with every call on it.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class RefusalSizeTests(DemoCityHostFixture fixture)
{
    [Fact]
    public async Task Refusal_QuotingA20000CharacterValue_IsCut_AndTheConnectionKeepsServing()
    {
        var residents = new ResidentService.ResidentServiceClient(fixture.Host.Channel);
        // A tag is refused by quoting it: "'…' is not a special group".
        var huge = new string('网', 20_000);
        var request = new UpdateResidentRequest { Profile = new ResidentProfile { ResidentId = "r-1", Name = "Li", Tags = { huge } }, Version = 1 };

        var refused = await Assert.ThrowsAsync<RpcException>(() => residents.UpdateResidentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.InRange(refused.Status.Detail.Length, 1, 1_001);
        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field.EndsWith("tags[0]", StringComparison.Ordinal));
        Assert.StartsWith("'网网网", violation.Description, StringComparison.Ordinal);
        Assert.InRange(violation.Description.Length, 1, 201);
        var areas = await fixture.Host.Grid.ListAreasAsync(new ListAreasRequest());
        Assert.NotEmpty(areas.Areas);
    }
}
