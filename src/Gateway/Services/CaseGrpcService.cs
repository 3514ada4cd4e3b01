using System.Text.RegularExpressions;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.CaseList;
using Governance.Contracts.Cases;
using Governance.Contracts.V1;
using Governance.Gateway.Mapping;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>CaseService: read a case from its grain, and take the steps of its lifecycle.</summary>
public sealed partial class CaseGrpcService(IGrainFactory grains, CityMap city) : CaseService.CaseServiceBase
{
    private const int CaseIdMaxLength = 64;
    private const int PersonIdMaxLength = 64;
    private const int ReasonMaxLength = 2_000;
    private const int EvidenceMaxCount = 20;
    private const int CommentMaxLength = 500;

    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "case_id", request.CaseId, CaseIdMaxLength);
        violations.ThrowIfAny();
        if (!CaseIdShape().IsMatch(request.CaseId))
        {
            // Ids are minted by the system; one of another shape cannot exist, so no grain is woken for it.
            throw NotFound(request.CaseId);
        }

        var details = await grains.Case(request.CaseId).GetAsync()
            ?? throw NotFound(request.CaseId);
        return new GetCaseResponse { Case = details.ToProto() };
    }

    public override async Task<TransitionCaseResponse> TransitionCase(TransitionCaseRequest request, ServerCallContext context)
    {
        var transition = Validate(request);
        if (!CaseIdShape().IsMatch(request.CaseId))
        {
            throw NotFound(request.CaseId);
        }

        var result = await grains.Case(request.CaseId).TransitionAsync(transition);
        return new TransitionCaseResponse { Case = Answer(result, request.CaseId).ToProto(), Allowed = { result.Allowed.Select(a => a.ToProto()) } };
    }

    // The case after a change, or the status that says why there is none.
    private static CaseDetails Answer(CaseChangeResult result, string caseId) => result.Kind switch
    {
        CaseChangeOutcome.Taken => result.Case!,
        CaseChangeOutcome.NotAllowed => throw new RpcException(new Status(StatusCode.FailedPrecondition, result.Refusal)),
        CaseChangeOutcome.Invalid => throw FieldViolations.ForField(result.Field, result.Refusal),
        _ => throw NotFound(caseId),
    };

    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var query = CaseListRules.ToQuery(request, city);
        var page = await grains.GetGrain<ICaseListGrain>(0).ListAsync(query);
        return new ListCasesResponse
        {
            Cases = { page.Cases.Select(item => item.ToProto()) },
            NextPageToken = page.Next is { } next ? CaseListTokens.Write(next, request) : "",
        };
    }

    public override async Task<RateCaseResponse> RateCase(RateCaseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "case_id", request.CaseId, CaseIdMaxLength);
        TextRules.RequireIdentifier(violations, "reporter_id", request.ReporterId, PersonIdMaxLength);
        if (request.Score is < Contracts.Cases.CaseRating.MinScore or > Contracts.Cases.CaseRating.MaxScore)
        {
            violations.Add("score", $"is {request.Score}; a score is from {Contracts.Cases.CaseRating.MinScore} to {Contracts.Cases.CaseRating.MaxScore}");
        }

        if (request.Comment.Length > CommentMaxLength)
        {
            violations.Add("comment", $"is {request.Comment.Length} characters long; at most {CommentMaxLength} are allowed");
        }

        violations.ThrowIfAny();
        if (!CaseIdShape().IsMatch(request.CaseId))
        {
            throw NotFound(request.CaseId);
        }

        var result = await grains.Case(request.CaseId).RateAsync(request.ReporterId, request.Score, request.Comment);
        return new RateCaseResponse { Case = Answer(result, request.CaseId).ToProto() };
    }

    public override async Task<GetDepartmentQueueResponse> GetDepartmentQueue(GetDepartmentQueueRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "department", request.Department, PersonIdMaxLength);
        violations.ThrowIfAny();
        var queue = await grains.Department(request.Department).GetQueueAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"department: there is no department '{request.Department}' in the routing rules"));
        return new GetDepartmentQueueResponse { Department = request.Department, Cases = { queue.Select(entry => entry.ToProto()) } };
    }

    // Every field's problem at once, then what the step itself needs (a reason, an approver, a department).
    private static CaseTransition Validate(TransitionCaseRequest request)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "case_id", request.CaseId, CaseIdMaxLength);
        var action = request.Action.FromProto();
        if (action is null)
        {
            violations.Add("action", request.Action == Contracts.V1.CaseAction.Unspecified ? "is required" : $"{(int)request.Action} is not a known step");
        }

        TextRules.RequireIdentifier(violations, "actor", request.Actor, PersonIdMaxLength);
        OptionalText(violations, "approver", request.Approver, PersonIdMaxLength);
        OptionalText(violations, "department", request.Department, PersonIdMaxLength);
        if (request.Reason.Length > ReasonMaxLength)
        {
            violations.Add("reason", $"is {request.Reason.Length} characters long; at most {ReasonMaxLength} are allowed");
        }

        if (request.Evidence.Count > EvidenceMaxCount)
        {
            violations.Add("evidence", $"has {request.Evidence.Count} links; at most {EvidenceMaxCount} are allowed");
        }

        for (var i = 0; i < Math.Min(request.Evidence.Count, EvidenceMaxCount); i++)
        {
            var link = request.Evidence[i];
            if (!TransitionRules.IsWebLink(link))
            {
                violations.Add($"evidence[{i}]", $"must be an http or https URL of at most {TransitionRules.LinkMaxLength} characters");
            }
        }

        var postponeUntil = TimeRules.Optional(violations, "postpone_until", request.PostponeUntil);
        if (request.PostponeUntil is not null && action != Contracts.Cases.CaseAction.Postpone)
        {
            violations.Add("postpone_until", "only a postponement takes a new due time");
        }

        var documents = TransitionRules.Documents(violations, request, action);
        var (responsible, dueBy) = TransitionRules.Assignment(violations, request, action, PersonIdMaxLength);
        var transition = new CaseTransition(
            action ?? Contracts.Cases.CaseAction.Register, request.Actor, request.Reason, request.Approver, request.Department, [.. request.Evidence])
        {
            PostponeUntil = postponeUntil,
            Documents = documents,
            Responsible = responsible,
            DueBy = dueBy,
        };
        if (action is not null && violations.IsEmpty)
        {
            foreach (var (field, reason) in CaseLifecycle.Missing(transition))
            {
                violations.Add(field, reason);
            }
        }

        violations.ThrowIfAny();
        return transition;
    }

    private static void OptionalText(FieldViolations violations, string field, string value, int maxLength)
    {
        if (value.Length > 0)
        {
            TextRules.RequireIdentifier(violations, field, value, maxLength);
        }
    }

    private static RpcException NotFound(string caseId) =>
        new(new Status(StatusCode.NotFound, $"case_id: there is no case '{(caseId.Length <= 64 ? caseId : caseId[..64])}'"));

    [GeneratedRegex("^c[0-9a-z]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseIdShape();
}
