using Google.Protobuf.WellKnownTypes;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Policies;
using Governance.Contracts.Surveys;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>SurveyService: the register numbers and starts surveys; each survey is a grain holding its sample and answers.</summary>
public sealed class SurveyGrpcService(IGrainFactory grains, CityMap city, TimeProvider time, PeopleAccess access) : SurveyService.SurveyServiceBase
{
    private ISurveyRegisterGrain Register => grains.GetGrain<ISurveyRegisterGrain>(GrainKeys.SurveyRegister);

    public override async Task<SurveyResponse> CreateSurvey(CreateSurveyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var draft = SurveyRules.Draft(violations, request, time.GetUtcNow());
        violations.ThrowIfAny();
        PlaceRules.RequirePlace(city, "area", draft!.Area);
        if (draft.PolicyId.Length > 0 && await grains.GetGrain<IPolicyRegisterGrain>(GrainKeys.PolicyRegister).GetAsync(draft.PolicyId) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"policy_id: there is no policy '{draft.PolicyId}'"));
        }

        return Answer(await Register.CreateAsync(draft));
    }

    public override async Task<SurveyResponse> AnswerSurvey(AnswerSurveyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PeopleRules.RequireId(violations, "resident_id", request.ResidentId);
        SurveyRules.Answer(violations, request);
        violations.ThrowIfAny();
        await access.RequireAnswererAsync(context.Caller(), request.ResidentId);
        return Answer(await Survey(request.SurveyId).AnswerAsync(request.ResidentId, request.Score, request.Comment.Trim()));
    }

    public override async Task<SurveyResponse> GetSurvey(GetSurveyRequest request, ServerCallContext context) =>
        new() { Survey = ToProto(await Survey(request.SurveyId).GetAsync() ?? throw Missing(request.SurveyId)) };

    public override async Task<ListSurveySampleResponse> ListSurveySample(ListSurveySampleRequest request, ServerCallContext context)
    {
        var survey = Survey(request.SurveyId);
        _ = await survey.GetAsync() ?? throw Missing(request.SurveyId);
        return new ListSurveySampleResponse
        {
            Residents = { (await survey.SampleAsync()).Select(r => new Contracts.V1.SampledResident { ResidentId = r.ResidentId, Answered = r.Answered }) },
        };
    }

    public override async Task<ListSurveysResponse> ListSurveys(ListSurveysRequest request, ServerCallContext context)
    {
        var filter = new SurveyFilter { Area = PlaceRules.RequirePlace(city, "area", request.Area), PolicyId = request.PolicyId };
        return new ListSurveysResponse { Surveys = { (await Register.ListAsync(filter)).Select(ToProto) } };
    }

    // A survey by its id, checked first: a malformed one is INVALID_ARGUMENT, not a grain activated for nothing.
    private ISurveyGrain Survey(string surveyId)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "survey_id", surveyId, 64);
        violations.ThrowIfAny();
        return grains.GetGrain<ISurveyGrain>(GrainKeys.Survey(surveyId));
    }

    private static RpcException Missing(string surveyId) => new(new Status(StatusCode.NotFound, $"survey_id: there is no survey '{surveyId}'"));

    private SurveyResponse Answer(SurveyChange change) => change.Outcome switch
    {
        SurveyOutcome.Made => new SurveyResponse { Survey = ToProto(change.Survey!) },
        SurveyOutcome.NotFound => throw new RpcException(new Status(StatusCode.NotFound, $"{change.Field}: {change.Reason}")),
        SurveyOutcome.NotSampled => throw new RpcException(new Status(StatusCode.PermissionDenied, $"{change.Field}: {change.Reason}")),
        SurveyOutcome.AlreadyAnswered => throw new RpcException(new Status(StatusCode.AlreadyExists, $"{change.Field}: {change.Reason}")),
        SurveyOutcome.NobodyToAsk => throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{change.Field}: {change.Reason}")),
        _ => throw new RpcException(new Status(StatusCode.FailedPrecondition, change.Reason)),
    };

    private Contracts.V1.Survey ToProto(Contracts.Surveys.Survey survey) => new()
    {
        SurveyId = survey.SurveyId,
        Title = survey.Draft.Title,
        Question = survey.Draft.Question,
        Area = survey.Draft.Area,
        PolicyId = survey.Draft.PolicyId,
        SentAt = Timestamp.FromDateTimeOffset(survey.SentAt),
        ClosesAt = Timestamp.FromDateTimeOffset(survey.Draft.ClosesAt),
        Seed = survey.Draft.Seed,
        Sampled = survey.Sampled,
        Answered = survey.Answered,
        ResponseRate = survey.ResponseRate,
        MeanScore = survey.MeanScore ?? 0,
        ScoreCounts = { survey.Counts },
        Open = survey.Open,
    };
}
