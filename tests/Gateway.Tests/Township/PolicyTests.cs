using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Governance.City.Map;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Gateway.Tests.Township;

/// <summary>
/// Policy scores over the API from live data: complaints reported and rated as cases tagged with the policy, a survey
/// about it, its funds; every figure checked against the arithmetic written out here.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class PolicyTests(DemoCityHostFixture fixture)
{
    private static int _sequence;

    private GatewayHost Host => fixture.Host;

    private CityMap City => Host.Services.GetRequiredService<CityMap>();

    private PolicyService.PolicyServiceClient Policies => new(Host.Channel);

    private static string ThisQuarter
    {
        get
        {
            var now = DateTime.UtcNow;
            return $"{now.Year}-Q{((now.Month - 1) / 3) + 1}";
        }
    }

    [Fact]
    public async Task APolicysScore_ComesFromItsRatingsSurveyFundsAndComplaints_AsWorkedOutByHand()
    {
        var policyId = $"waste-sorting-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}"[..30];
        var communities = Communities(2, skip: 4);
        await Policies.DefinePolicyAsync(new DefinePolicyRequest { PolicyId = policyId, Name = "Waste sorting", Areas = { communities } });
        await Policies.RecordPolicyFundsAsync(new RecordPolicyFundsRequest
        {
            PolicyId = policyId, Funds = new PolicyFunds { Quarter = ThisQuarter, AllocatedYuan = 200_000, SpentYuan = 150_000 },
        });

        // Three complaints in its communities, one of them closed and rated 4 by its reporter.
        var rated = await ComplainAsync(City.CellsInArea(communities[0])[0].Code, $"policy.{policyId}");
        await ComplainAsync(City.CellsInArea(communities[0])[1].Code, $"policy.{policyId}.bins");
        await ComplainAsync(City.CellsInArea(communities[1])[0].Code, $"policy.{policyId}.smell");
        // A sibling whose id starts the same is another policy's complaint.
        await ComplainAsync(City.CellsInArea(communities[1])[1].Code, $"policy.{policyId}-x");
        await CloseAndRateAsync(rated, 4);

        // A survey about it: two of the sampled answer 5 and 3.
        var surveys = new SurveyService.SurveyServiceClient(Host.Channel);
        var survey = (await surveys.CreateSurveyAsync(new CreateSurveyRequest
        {
            Title = "Waste sorting", Question = "How satisfied are you with waste sorting?", Area = communities[0], PolicyId = policyId, SampleSize = 5, Seed = 3,
            ClosesAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(10)),
        })).Survey;
        var sample = (await surveys.ListSurveySampleAsync(new ListSurveySampleRequest { SurveyId = survey.SurveyId })).Residents;
        await surveys.AnswerSurveyAsync(new AnswerSurveyRequest { SurveyId = survey.SurveyId, ResidentId = sample[0].ResidentId, Score = 5 });
        await surveys.AnswerSurveyAsync(new AnswerSurveyRequest { SurveyId = survey.SurveyId, ResidentId = sample[1].ResidentId, Score = 3 });

        var residents = await ResidentsOnFile.InAsync(Host, communities[0]) + await ResidentsOnFile.InAsync(Host, communities[1]);
        var ranked = await Policies.RankPoliciesAsync(new RankPoliciesRequest { Quarter = ThisQuarter });
        var mine = ranked.Scores.Single(s => s.PolicyId == policyId);

        // Satisfaction: ratings 4, 5, 3, mean 4, (4 − 1) / 4 = 0.75. Funds: 150,000 / 200,000 = 0.75.
        // Complaints: 3 per `residents`, × 1,000, over the full rate of 10, at most 1.
        var perThousand = 3 * 1000.0 / residents;
        var load = Math.Min(1, perThousand / 10);
        Assert.Equal((1, 4.0, 2, 4.0), (mine.CaseRatings, mine.MeanCaseRating, mine.SurveyAnswers, mine.MeanSurveyAnswer));
        Assert.Equal((3, residents), (mine.Complaints, mine.ResidentsCovered));
        Assert.Equal(0.75, mine.Satisfaction, 12);
        Assert.Equal(0.75, mine.FundUse, 12);
        Assert.Equal(perThousand, mine.ComplaintsPerThousand, 9);
        Assert.Equal(load, mine.ComplaintLoad, 9);
        Assert.Equal((0.4 * 0.75) + (0.3 * 0.75) - (0.3 * load), mine.Score, 9);
        Assert.Equal((0.4, 0.3, -0.3), (ranked.Weights.Satisfaction, ranked.Weights.FundUse, ranked.Weights.Complaints));
        // The ranking is best first, numbered from 1.
        Assert.Equal(Enumerable.Range(1, ranked.Scores.Count), ranked.Scores.Select(s => s.Rank));
        Assert.Equal(ranked.Scores.OrderByDescending(s => s.Score).Select(s => s.Score), ranked.Scores.Select(s => s.Score));

        // Weighted for money only, its score is its fund use.
        var moneyOnly = await Policies.RankPoliciesAsync(new RankPoliciesRequest { Quarter = ThisQuarter, Weights = new PolicyWeights { FundUse = 1 } });
        Assert.Equal(0.75, moneyOnly.Scores.Single(s => s.PolicyId == policyId).Score, 12);

        // The quarter before had nothing: neutral satisfaction and funds, no complaints: 0.4 × 0.5 + 0.3 × 0.5 − 0 = 0.35.
        var history = await Policies.GetPolicyHistoryAsync(new GetPolicyHistoryRequest { PolicyId = policyId, FirstQuarter = PreviousQuarter(), LastQuarter = ThisQuarter });
        Assert.Equal([PreviousQuarter(), ThisQuarter], history.Quarters.Select(q => q.Quarter).ToArray());
        Assert.Equal((false, false, true, 0), (history.Quarters[0].SatisfactionKnown, history.Quarters[0].FundUseKnown, history.Quarters[0].ComplaintsKnown, history.Quarters[0].Complaints));
        Assert.Equal(0.35, history.Quarters[0].Score, 12);
        Assert.Equal(mine.Score, history.Quarters[1].Score, 12);

        // The same over JSON.
        using var web = Host.WebClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/policy-scores/{ThisQuarter}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.TokenFor("analyst-1", "analyst"));
        using var answer = await web.SendAsync(request);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var overJson = body.RootElement.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("policyId").GetString() == policyId);
        Assert.Equal(mine.Score, overJson.GetProperty("score").GetDouble(), 12);
    }

    [Fact]
    public async Task BadPolicyInput_IsNamed_AndChangesNothing()
    {
        var before = (await Policies.ListPoliciesAsync(new ListPoliciesRequest())).Policies.Count;

        var badId = await RpcAssert.InvalidField("policy_id", () => Policies.DefinePolicyAsync(new DefinePolicyRequest { PolicyId = "Toilets!", Name = "T", Areas = { Communities(1, 0) } }).ResponseAsync);
        var noAreas = await RpcAssert.InvalidField("areas", () => Policies.DefinePolicyAsync(new DefinePolicyRequest { PolicyId = "toilets", Name = "T" }).ResponseAsync);
        var unknownArea = await RpcAssert.FailsWith(StatusCode.NotFound, () => Policies.DefinePolicyAsync(new DefinePolicyRequest { PolicyId = "toilets", Name = "T", Areas = { "atlantis" } }).ResponseAsync);
        var badQuarter = await RpcAssert.InvalidField("quarter", () => Policies.RankPoliciesAsync(new RankPoliciesRequest { Quarter = "2026-Q5" }).ResponseAsync);
        var badWeight = await RpcAssert.InvalidField("weights.complaints", () => Policies.RankPoliciesAsync(new RankPoliciesRequest
        {
            Quarter = ThisQuarter, Weights = new PolicyWeights { Satisfaction = 1, Complaints = double.NaN },
        }).ResponseAsync);
        var overspentFunds = await RpcAssert.InvalidField("funds.spent_yuan", () => Policies.RecordPolicyFundsAsync(new RecordPolicyFundsRequest
        {
            PolicyId = "toilets", Funds = new PolicyFunds { Quarter = ThisQuarter, AllocatedYuan = 1, SpentYuan = -1 },
        }).ResponseAsync);
        var unknownPolicy = await RpcAssert.FailsWith(StatusCode.NotFound, () => Policies.RecordPolicyFundsAsync(new RecordPolicyFundsRequest
        {
            PolicyId = "no-such-policy", Funds = new PolicyFunds { Quarter = ThisQuarter },
        }).ResponseAsync);
        var tooLong = await RpcAssert.InvalidField("last_quarter", () => Policies.GetPolicyHistoryAsync(new GetPolicyHistoryRequest { PolicyId = "toilets", FirstQuarter = "2010-Q1", LastQuarter = "2026-Q1" }).ResponseAsync);

        Assert.Contains("a-z, 0-9 and '-'", badId.Description, StringComparison.Ordinal);
        Assert.Contains("1 to 500", noAreas.Description, StringComparison.Ordinal);
        Assert.StartsWith("areas[0]: ", unknownArea.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-Q3", badQuarter.Description, StringComparison.Ordinal);
        Assert.Contains("from -10 to 10", badWeight.Description, StringComparison.Ordinal);
        Assert.Contains("from 0 to", overspentFunds.Description, StringComparison.Ordinal);
        Assert.StartsWith("policy_id: ", unknownPolicy.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("at most 40", tooLong.Description, StringComparison.Ordinal);
        Assert.Equal(before, (await Policies.ListPoliciesAsync(new ListPoliciesRequest())).Policies.Count);
    }

    private async Task<string> ComplainAsync(string cellId, string category)
    {
        var report = Reports.InCell(cellId);
        report.Category = category;
        var caseId = (await Host.Intake.ReportAsync(report)).CaseId;
        // Registered: a step stores the cell's list rows now, rather than at the next intake checkpoint.
        await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = CaseAction.Register, Actor = "dispatcher-1" });
        return caseId;
    }

    private async Task CloseAndRateAsync(string caseId, int score)
    {
        foreach (var action in new[] { CaseAction.Dispatch, CaseAction.Handle, CaseAction.Verify, CaseAction.Close })
        {
            await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = "dispatcher-1" });
        }

        await Host.Cases.RateCaseAsync(new RateCaseRequest { CaseId = caseId, ReporterId = "citizen-42", Score = score });
    }

    private static string PreviousQuarter()
    {
        var now = DateTime.UtcNow;
        var number = ((now.Month - 1) / 3) + 1;
        return number == 1 ? $"{now.Year - 1}-Q4" : $"{now.Year}-Q{number - 1}";
    }

    private string[] Communities(int count, int skip) =>
        [.. City.Areas.Where(a => a.Level == Governance.City.Map.AreaLevel.Community).Reverse().Skip(skip).Take(count).Select(a => a.Code)];
}
