using Google.Rpc;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>A saturated intake refuses unary calls with a retry hint, slows streams down, and loses nothing it acknowledged.</summary>
public sealed class BackPressureTests
{
    [Fact]
    public async Task Saturated_UnaryCallsGetResourceExhaustedWithRetryInfo_StreamsWaitAndAllTheirReportsAreTaken()
    {
        using var folder = new TempFolder("backpressure");
        // One report fits in the queue, and the journal writer lingers 300 ms per batch: intake saturates at once.
        await using var host = await GatewayHost.StartAsync(
            folder.Path,
            "--Intake:QueueCapacity=1", "--Intake:MaxBatchSize=1", "--Intake:GroupCommitWindowMilliseconds=300",
            "--Intake:UnaryAdmissionTimeoutMilliseconds=0", "--Intake:RetryAfterMilliseconds=1500");
        var (_, centre) = await CityProbe.FreshCellAsync(host);

        var unary = Enumerable.Range(0, 12).Select(_ => Reports.At(centre.Latitude, centre.Longitude)).ToList();
        var outcomes = await Task.WhenAll(unary.Select(async r =>
        {
            try
            {
                return (r, Ack: await host.Intake.ReportAsync(r), Error: (RpcException?)null);
            }
            catch (RpcException ex)
            {
                return (r, Ack: (ReportAck?)null, Error: ex);
            }
        }));

        var refused = outcomes.Where(o => o.Error is not null).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(outcomes, o => o.Ack is not null);
        foreach (var (request, _, error) in refused)
        {
            Assert.Equal(StatusCode.ResourceExhausted, error!.StatusCode);
            var retry = error.GetRpcStatus()!.GetDetail<RetryInfo>();
            Assert.Equal(TimeSpan.FromMilliseconds(1500), retry.RetryDelay.ToTimeSpan());
            var caseId = Grains.Cases.CaseIds.ForReport(Contracts.Cases.ReportChannel.CitizenApp, request.ExternalId);
            await RpcAssert.FailsWith(StatusCode.NotFound, () => host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
        }

        using var stream = host.Intake.ReportStream();
        var streamed = Enumerable.Range(0, 8).Select(_ => Reports.At(centre.Latitude, centre.Longitude)).ToList();
        foreach (var request in streamed)
        {
            await stream.RequestStream.WriteAsync(request);
        }

        await stream.RequestStream.CompleteAsync();
        var acks = new List<ReportAck>();
        await foreach (var ack in stream.ResponseStream.ReadAllAsync())
        {
            acks.Add(ack);
        }

        Assert.Equal(streamed.Select(r => r.ExternalId), acks.Select(a => a.ExternalId));
        Assert.All(acks, a => Assert.Equal(ReportOutcome.Created, a.Outcome));
    }
}
