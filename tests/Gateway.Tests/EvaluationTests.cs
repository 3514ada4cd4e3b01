using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>GetEvaluation over the API: a cell's current figures, the shape of the answer, and bad input.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class EvaluationTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private EvaluationService.EvaluationServiceClient Evaluation => new(Host.Channel);

    private static string Today => Day(0);

    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ACellsEvaluation_CountsItsCasesAsTheyAre()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var closed = (await Host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;
        var rejected = (await Host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;
        foreach (var action in new[] { CaseAction.Register, CaseAction.Dispatch, CaseAction.Handle, CaseAction.Verify, CaseAction.Close })
        {
            await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = closed, Action = action, Actor = "dispatcher-1" });
        }

        await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = rejected, Action = CaseAction.Reject, Actor = "dispatcher-1", Reason = "a private yard" });
        await Host.Cases.RateCaseAsync(new RateCaseRequest { CaseId = closed, ReporterId = "citizen-42", Score = 4 });

        // From yesterday to tomorrow: the cases opened today, even if the test runs across midnight.
        var found = await Evaluation.GetEvaluationAsync(new GetEvaluationRequest { Area = cellId, FirstDay = Day(-1), LastDay = Day(1) });

        Assert.Equal((2, 1, 1), (found.Opened, found.Registered, found.Closed));
        Assert.Equal((0.5, 1.0, 1.0, 0.0, 0.0), (found.RegistrationRate, found.ClosureRate, found.OnTimeClosureRate, found.ReworkRate, found.PostponementRate));
        Assert.Equal((4.0, 1), (found.MeanSatisfaction, found.Ratings));
        Assert.NotNull(found.ReportToDispatchMedian);
        Assert.Equal(found.DispatchToCloseMedian, found.DispatchToCloseP90);
    }

    [Fact]
    public async Task AWindowWithNoCases_HasNoRates()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);

        var found = await Evaluation.GetEvaluationAsync(new GetEvaluationRequest { Area = cellId, FirstDay = "2020-01-01", LastDay = "2020-12-31" });

        Assert.Equal(0, found.Opened);
        Assert.False(found.HasRegistrationRate);
        Assert.False(found.HasMeanSatisfaction);
        Assert.Null(found.ReportToDispatchMedian);
    }

    [Theory]
    [InlineData("area", "", "", "2026-01-01", "2026-01-31")]
    [InlineData("area", "x", "roads", "2026-01-01", "2026-01-31")]
    [InlineData("first_day", "", "roads", "01/01/2026", "2026-01-31")]
    [InlineData("last_day", "", "roads", "2026-01-01", "")]
    [InlineData("last_day", "", "roads", "2026-02-01", "2026-01-31")]
    [InlineData("last_day", "", "roads", "2025-01-01", "2026-01-31")]
    public async Task ABadRequest_IsInvalidArgument_NamingTheField(string field, string area, string department, string firstDay, string lastDay)
    {
        await RpcAssert.InvalidField(field, () => Evaluation.GetEvaluationAsync(
            new GetEvaluationRequest { Area = area, Department = department, FirstDay = firstDay, LastDay = lastDay }).ResponseAsync);
    }

    [Fact]
    public async Task AnUnknownAreaOrDepartment_IsNotFound()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Evaluation.GetEvaluationAsync(
            new GetEvaluationRequest { Area = "atlantis", FirstDay = Today, LastDay = Today }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Evaluation.GetEvaluationAsync(
            new GetEvaluationRequest { Department = "bakery", FirstDay = Today, LastDay = Today }).ResponseAsync);
    }
}
