using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

[Collection(DemoCityCollection.Name)]
public sealed class IntakeTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Report_NewExternalId_OpensCaseThatCellShowsRightAfterTheAck()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var before = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;

        var request = Reports.At(centre.Latitude, centre.Longitude);
        var ack = await Host.Intake.ReportAsync(request);

        Assert.Equal(ReportOutcome.Created, ack.Outcome);
        Assert.Equal(cellId, ack.CellId);
        Assert.Matches("^c[0-9a-z]{16}$", ack.CaseId);
        var after = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(before.Counters.CasesOpened + 1, after.Counters.CasesOpened);
        Assert.Equal(before.Counters.ReportsReceived + 1, after.Counters.ReportsReceived);
        Assert.Equal(before.Counters.OpenCases + 1, after.Counters.OpenCases);
        var listed = Assert.Single(after.OpenCases, c => c.CaseId == ack.CaseId);
        Assert.Equal(request.Category, listed.Category);
        Assert.Equal(1, listed.ReportCount);
        Assert.Equal(CaseStatus.Reported, listed.Status);

        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = ack.CaseId })).Case;
        Assert.Equal(cellId, found.CellId);
        Assert.Equal(request.Description, found.Description);
        Assert.Equal(centre.Latitude, found.Location.Latitude, 9);
        var reporter = Assert.Single(found.Reporters);
        Assert.Equal((request.ReporterId, request.ExternalId, request.Source), (reporter.ReporterId, reporter.ExternalId, reporter.Source));
        Assert.Equal(request.ReportedAt, reporter.ReportedAt);
        var opened = Assert.Single(found.History);
        Assert.Equal(CaseStatus.Reported, opened.Status);
        Assert.Equal(request.ReporterId, opened.Actor);
    }

    [Fact]
    public async Task Report_SameExternalIdAgain_ReturnsSameCaseAndCreatesNothing()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var request = Reports.At(centre.Latitude, centre.Longitude);
        var first = await Host.Intake.ReportAsync(request);
        var afterFirst = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;

        var retry = await Host.Intake.ReportAsync(request);

        Assert.Equal(ReportOutcome.Retry, retry.Outcome);
        Assert.Equal(first.CaseId, retry.CaseId);
        Assert.Equal(first.CellId, retry.CellId);
        var afterRetry = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(afterFirst.Counters.CasesOpened, afterRetry.Counters.CasesOpened);
        Assert.Equal(afterFirst.Counters.OpenCases, afterRetry.Counters.OpenCases);
        Assert.Equal(afterFirst.Counters.Retries + 1, afterRetry.Counters.Retries);
        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = first.CaseId })).Case;
        Assert.Single(found.Reporters);
    }

    [Fact]
    public async Task Report_RetryWithOtherLocation_StillAnswersTheFirstCaseAndCell()
    {
        var (firstCell, firstCentre) = await CityProbe.FreshCellAsync(Host);
        var (otherCell, otherCentre) = await CityProbe.FreshCellAsync(Host);
        Assert.NotEqual(firstCell, otherCell);
        var request = Reports.At(firstCentre.Latitude, firstCentre.Longitude);
        var first = await Host.Intake.ReportAsync(request);

        request.Point = otherCentre;
        var retry = await Host.Intake.ReportAsync(request);

        Assert.Equal((first.CaseId, firstCell, ReportOutcome.Retry), (retry.CaseId, retry.CellId, retry.Outcome));
        var other = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = otherCell })).Cell;
        Assert.DoesNotContain(other.OpenCases, c => c.CaseId == first.CaseId);
    }

    [Fact]
    public async Task Report_SameExternalIdFromAnotherSource_IsAnotherCase()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var fromApp = Reports.At(centre.Latitude, centre.Longitude);
        var fromHotline = fromApp.Clone();
        fromHotline.Source = ReportSource.Hotline;
        fromHotline.Category += "x"; // another matter, so that it does not merge either

        var a = await Host.Intake.ReportAsync(fromApp);
        var b = await Host.Intake.ReportAsync(fromHotline);

        Assert.Equal(ReportOutcome.Created, b.Outcome);
        Assert.NotEqual(a.CaseId, b.CaseId);
    }

    [Fact]
    public async Task Report_ByCellId_OpensCaseAtTheCellCentre()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);

        var ack = await Host.Intake.ReportAsync(Reports.InCell(cellId));

        Assert.Equal((cellId, ReportOutcome.Created), (ack.CellId, ack.Outcome));
        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = ack.CaseId })).Case;
        Assert.Equal(centre.Latitude, found.Location.Latitude, 6);
        Assert.Equal(centre.Longitude, found.Location.Longitude, 6);
    }

    [Fact]
    public async Task Report_ConcurrentRetriesOfOneReport_OpenExactlyOneCase()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var before = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        var request = Reports.At(centre.Latitude, centre.Longitude);

        var acks = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Host.Intake.ReportAsync(request).ResponseAsync));

        Assert.Single(acks.Select(a => a.CaseId).Distinct());
        Assert.Single(acks, a => a.Outcome == ReportOutcome.Created);
        var after = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.Equal(before.Counters.CasesOpened + 1, after.Counters.CasesOpened);
        Assert.Equal(before.Counters.Retries + 15, after.Counters.Retries);
    }

    [Fact]
    public async Task Report_OversizedMessage_IsRefusedAndTheGatewayKeepsServing()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var huge = Reports.At(centre.Latitude, centre.Longitude);
        huge.Description = new string('x', 100_000);

        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => Host.Intake.ReportAsync(huge).ResponseAsync);

        var ok = await Host.Intake.ReportAsync(Reports.At(centre.Latitude, centre.Longitude));
        Assert.Equal(ReportOutcome.Created, ok.Outcome);
    }
}
