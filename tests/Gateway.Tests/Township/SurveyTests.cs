using Google.Protobuf.WellKnownTypes;
using Governance.City.Map;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Township;

/// <summary>Satisfaction surveys over the API, drawn from the demo city's residents.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class SurveyTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private CityMap City => Host.Services.GetRequiredService<CityMap>();

    private SurveyService.SurveyServiceClient Surveys => new(Host.Channel);

    [Fact]
    public async Task ASurvey_DrawsItsSampleFromTheAreasResidents_TheSameSeedTheSameSample_AndCountsOneAnswerEach()
    {
        var community = Community(index: 0);
        var first = await CreateAsync(community, sampleSize: 6, seed: 42);
        var again = await CreateAsync(community, sampleSize: 6, seed: 42);
        var sample = (await Surveys.ListSurveySampleAsync(new ListSurveySampleRequest { SurveyId = first.SurveyId })).Residents.Select(r => r.ResidentId).ToArray();
        var sampleAgain = (await Surveys.ListSurveySampleAsync(new ListSurveySampleRequest { SurveyId = again.SurveyId })).Residents.Select(r => r.ResidentId).ToArray();
        var homes = await Task.WhenAll(sample.Select(async id =>
            (await new ResidentService.ResidentServiceClient(Host.Channel).GetResidentAsync(new GetResidentRequest { ResidentId = id })).Resident.CellId));

        await AnswerAsync(first.SurveyId, sample[0], 5);
        await AnswerAsync(first.SurveyId, sample[1], 2);
        var answered = await AnswerAsync(first.SurveyId, sample[2], 4);
        var twice = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => AnswerAsync(first.SurveyId, sample[0], 1));
        var notDrawn = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => AnswerAsync(again.SurveyId, OutsideTheSample(sampleAgain), 3));
        var tooHigh = await RpcAssert.InvalidField("score", () => AnswerAsync(first.SurveyId, sample[3], 6));
        var read = (await Surveys.GetSurveyAsync(new GetSurveyRequest { SurveyId = first.SurveyId })).Survey;
        var day = (int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var kpi = await new EvaluationService.EvaluationServiceClient(Host.Channel).GetEvaluationAsync(new GetEvaluationRequest { Area = community, FirstDay = day(-1), LastDay = day(1) });
        var before = await new EvaluationService.EvaluationServiceClient(Host.Channel).GetEvaluationAsync(new GetEvaluationRequest { Area = community, FirstDay = "2020-01-01", LastDay = "2020-12-31" });

        Assert.Equal(6, sample.Distinct().Count());
        Assert.All(homes, cell => Assert.True(City.IsWithin(cell, community), $"{cell} is not in {community}"));
        Assert.Equal(sample, sampleAgain);
        Assert.Equal((6, 42), (first.Sampled, first.Seed));
        // 5, 2 and 4: three answers of six drawn, mean 11 / 3.
        Assert.Equal((3, 0.5), (answered.Answered, answered.ResponseRate));
        Assert.Equal(11.0 / 3, answered.MeanScore, 12);
        Assert.Equal([0, 1, 0, 1, 1], read.ScoreCounts.ToArray());
        Assert.Contains("answered", twice.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("resident_id: ", notDrawn.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("1 (very dissatisfied) to 5", tooHigh.Description, StringComparison.Ordinal);
        Assert.Equal(3, read.Answered);
        // The community's evaluation counts both its surveys of the window and the three answers: mean 11 / 3.
        Assert.Equal((2, 3), (kpi.Surveys, kpi.SurveyAnswers));
        Assert.Equal(11.0 / 3, kpi.SurveySatisfaction, 12);
        Assert.Equal((0, false), (before.Surveys, before.HasSurveySatisfaction));
    }

    [Fact]
    public async Task ASurveyWithoutASize_DrawsTheDefaultHundred_AndBadFieldsAreNamed()
    {
        var street = City.Areas.Last(a => a.Level == Governance.City.Map.AreaLevel.Street).Code;
        var survey = await CreateAsync(street, sampleSize: 0, seed: 0);

        var noQuestion = await RpcAssert.InvalidField("question", () => Surveys.CreateSurveyAsync(Request(street, 5, 1, question: "")).ResponseAsync);
        var tooMany = await RpcAssert.InvalidField("sample_size", () => Surveys.CreateSurveyAsync(Request(street, 10_001, 1)).ResponseAsync);
        var closed = Request(street, 5, 1);
        closed.ClosesAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        var inThePast = await RpcAssert.InvalidField("closes_at", () => Surveys.CreateSurveyAsync(closed).ResponseAsync);
        var noPolicy = Request(street, 5, 1);
        noPolicy.PolicyId = "no-such-policy";
        var unknownPolicy = await RpcAssert.FailsWith(StatusCode.NotFound, () => Surveys.CreateSurveyAsync(noPolicy).ResponseAsync);
        var unknownArea = await RpcAssert.FailsWith(StatusCode.NotFound, () => Surveys.CreateSurveyAsync(Request("atlantis", 5, 1)).ResponseAsync);

        Assert.Equal(100, survey.Sampled);
        Assert.NotEqual(0, survey.Seed);
        Assert.True(survey.Open);
        Assert.Equal("is required", noQuestion.Description);
        Assert.Contains("10,000", tooMany.Description, StringComparison.Ordinal);
        Assert.Contains("next 365 days", inThePast.Description, StringComparison.Ordinal);
        Assert.StartsWith("policy_id: ", unknownPolicy.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("area: ", unknownArea.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswer_IsTakenFromTheResidentsOwnToken_OrTheirGridWorker_AndNoOneElse()
    {
        var community = Community(index: 1);
        var survey = await CreateAsync(community, sampleSize: 3, seed: 5);
        var sample = (await Surveys.ListSurveySampleAsync(new ListSurveySampleRequest { SurveyId = survey.SurveyId })).Residents.Select(r => r.ResidentId).ToArray();
        var cell = (await new ResidentService.ResidentServiceClient(Host.Channel).GetResidentAsync(new GetResidentRequest { ResidentId = sample[1] })).Resident.CellId;
        var worker = $"worker-survey-{Guid.NewGuid():N}"[..24];
        await new ResidentService.ResidentServiceClient(Host.Channel).AssignGridWorkerAsync(new AssignGridWorkerRequest { CellId = cell, WorkerId = worker });
        SurveyService.SurveyServiceClient As(string subject, string role) => new(Host.ChannelAs(subject, role));
        var answer = (string residentId, int score) => new AnswerSurveyRequest { SurveyId = survey.SurveyId, ResidentId = residentId, Score = score };

        var own = (await As(sample[0], "reporter").AnswerSurveyAsync(answer(sample[0], 5))).Survey;
        var forAnother = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => As(sample[0], "reporter").AnswerSurveyAsync(answer(sample[2], 1)).ResponseAsync);
        var theirWorker = (await As(worker, "grid-worker").AnswerSurveyAsync(answer(sample[1], 3))).Survey;
        var otherWorker = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => As("worker-elsewhere", "grid-worker").AnswerSurveyAsync(answer(sample[2], 1)).ResponseAsync);

        Assert.Equal(1, own.Answered);
        Assert.Contains("may answer only as themselves", forAnother.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, theirWorker.Answered);
        Assert.Contains("is not the grid worker", otherWorker.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await Surveys.GetSurveyAsync(new GetSurveyRequest { SurveyId = survey.SurveyId })).Survey.Answered);
    }

    private async Task<Survey> CreateAsync(string area, int sampleSize, int seed) =>
        (await Surveys.CreateSurveyAsync(Request(area, sampleSize, seed))).Survey;

    private static CreateSurveyRequest Request(string area, int sampleSize, int seed, string question = "How satisfied are you with the new waste sorting?") => new()
    {
        Title = "Waste sorting, first check",
        Question = question,
        Area = area,
        SampleSize = sampleSize,
        Seed = seed,
        ClosesAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(14)),
    };

    private async Task<Survey> AnswerAsync(string surveyId, string residentId, int score) =>
        (await Surveys.AnswerSurveyAsync(new AnswerSurveyRequest { SurveyId = surveyId, ResidentId = residentId, Score = score })).Survey;

    // A resident of the city who was not drawn.
    private string OutsideTheSample(string[] sample) =>
        new ResidentService.ResidentServiceClient(Host.Channel).SearchResidents(new SearchResidentsRequest { PageSize = 50 }).Residents
            .Select(r => r.ResidentId).First(id => !sample.Contains(id));

    private string Community(int index) =>
        City.Areas.Where(a => a.Level == Governance.City.Map.AreaLevel.Community).Reverse().ElementAt(index).Code;
}
