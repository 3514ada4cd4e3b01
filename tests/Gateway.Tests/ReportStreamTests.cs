using Google.Protobuf;
using Google.Rpc;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

[Collection(DemoCityCollection.Name)]
public sealed class ReportStreamTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task ReportStream_ManyReports_OneAckEachInOrderAndEveryCaseExists()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var requests = Enumerable.Range(0, 500).Select(_ => Reports.At(centre.Latitude, centre.Longitude)).ToList();

        var acks = await StreamAsync(requests);

        Assert.Equal(requests.Select(r => r.ExternalId), acks.Select(a => a.ExternalId));
        Assert.All(acks, a => Assert.Equal((ReportOutcome.Created, cellId), (a.Outcome, a.CellId)));
        Assert.Equal(500, acks.Select(a => a.CaseId).Distinct().Count());
        var cell = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Superset(acks.Select(a => a.CaseId).ToHashSet(), cell.OpenCases.Select(c => c.CaseId).ToHashSet());
        foreach (var ack in acks.Take(20))
        {
            Assert.Equal(cellId, (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = ack.CaseId })).Case.CellId);
        }
    }

    [Fact]
    public async Task ReportStream_BadReportsAmongGoodOnes_GetRejectedAcksLikeTheUnaryCallAndTheStreamGoesOn()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var good1 = Reports.At(centre.Latitude, centre.Longitude);
        var noCategory = Reports.At(centre.Latitude, centre.Longitude);
        noCategory.Category = "";
        var badLatitude = Reports.At(91, centre.Longitude);
        var good2 = Reports.At(centre.Latitude, centre.Longitude);

        var acks = await StreamAsync([good1, noCategory, badLatitude, good2]);

        Assert.Equal(
            [ReportOutcome.Created, ReportOutcome.Rejected, ReportOutcome.Rejected, ReportOutcome.Created],
            acks.Select(a => a.Outcome));
        foreach (var (ack, request) in acks.Zip([good1, noCategory, badLatitude, good2]).Where(p => p.First.Outcome == ReportOutcome.Rejected))
        {
            var unary = await Assert.ThrowsAsync<RpcException>(() => Host.Intake.ReportAsync(request).ResponseAsync);
            Assert.Equal((int)unary.StatusCode, ack.Error.Code);
            Assert.Equal(unary.Status.Detail, ack.Error.Message);
            Assert.Equal(unary.GetRpcStatus()!.GetDetail<BadRequest>(), ack.Error.Details.Single().Unpack<BadRequest>());
            Assert.Equal("", ack.CaseId);
        }

        Assert.Equal("category", acks[1].Error.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task ReportStream_SameExternalIdTwiceInOneStream_SecondIsARetryOfTheFirst()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var report = Reports.At(centre.Latitude, centre.Longitude);

        var acks = await StreamAsync([report, report]);

        Assert.Equal([ReportOutcome.Created, ReportOutcome.Retry], acks.Select(a => a.Outcome));
        Assert.Equal(acks[0].CaseId, acks[1].CaseId);
    }

    [Fact]
    public async Task ReportStream_FrameThatIsNotAReport_AnswersWhatCameBeforeThenEndsWithInvalidArgument()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var method = new Method<byte[], ReportAck>(
            MethodType.DuplexStreaming, "governance.v1.IntakeService", "ReportStream",
            Marshallers.Create(b => b, b => b), Marshallers.Create(a => a.ToByteArray(), ReportAck.Parser.ParseFrom));
        using var call = Host.Channel.CreateCallInvoker().AsyncDuplexStreamingCall(method, null, new CallOptions());
        var good = Reports.At(centre.Latitude, centre.Longitude);

        await call.RequestStream.WriteAsync(good.ToByteArray());
        await call.RequestStream.WriteAsync([0x0A, 0x7F, 0x41]);
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal((good.ExternalId, ReportOutcome.Created), (call.ResponseStream.Current.ExternalId, call.ResponseStream.Current.Outcome));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("not a valid ReportRequest", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportStream_OversizedMessage_EndsOnlyThatStream()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var huge = Reports.At(centre.Latitude, centre.Longitude);
        huge.Description = new string('x', 100_000);
        using var call = Host.Intake.ReportStream();

        try
        {
            await call.RequestStream.WriteAsync(huge);
        }
        catch (RpcException)
        {
            // The server may end the call as soon as it reads the length prefix, while the client is still writing.
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        var acks = await StreamAsync([Reports.At(centre.Latitude, centre.Longitude)]);
        Assert.Equal(ReportOutcome.Created, Assert.Single(acks).Outcome);
    }

    [Fact]
    public async Task ReportStream_DuplicatesOfOneMatter_MergeIntoOneCaseThatKeepsEveryReporter()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var requests = Enumerable.Range(0, 5).Select(_ => Reports.At(centre.Latitude, centre.Longitude)).ToList();
        requests.ForEach(r => r.Category = "test.storm-drain");

        var acks = await StreamAsync(requests);

        Assert.Equal(
            [ReportOutcome.Created, ReportOutcome.Merged, ReportOutcome.Merged, ReportOutcome.Merged, ReportOutcome.Merged],
            acks.Select(a => a.Outcome));
        Assert.Single(acks.Select(a => a.CaseId).Distinct());
        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = acks[0].CaseId })).Case;
        Assert.Equal(requests.Select(r => r.ExternalId).Order(), found.Reporters.Select(r => r.ExternalId).Order());
        var cell = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(5, cell.OpenCases.Single(c => c.CaseId == acks[0].CaseId).ReportCount);
        Assert.True(cell.Counters.MergedReports >= 4);
    }

    private async Task<List<ReportAck>> StreamAsync(IReadOnlyList<ReportRequest> requests)
    {
        using var call = Host.Intake.ReportStream();
        var reading = Task.Run(async () =>
        {
            var acks = new List<ReportAck>();
            await foreach (var ack in call.ResponseStream.ReadAllAsync())
            {
                acks.Add(ack);
            }

            return acks;
        });
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        return await reading;
    }
}
