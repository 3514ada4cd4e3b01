using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

[Collection(DemoCityCollection.Name)]
public sealed class CaseTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData("c0000000000000000")]
    [InlineData("not-a-case-id")]
    [InlineData("case:c0000000000000000")]
    public async Task GetCase_UnknownId_IsNotFound(string caseId)
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
    }

    [Fact]
    public async Task GetCase_EmptyId_IsInvalidArgument()
    {
        await RpcAssert.InvalidField("case_id", () => Host.Cases.GetCaseAsync(new GetCaseRequest()).ResponseAsync);
    }
}
