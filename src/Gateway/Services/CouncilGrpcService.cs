using Google.Protobuf.WellKnownTypes;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Council;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>CouncilService: each community's council is a grain holding its proposals and their ballots.</summary>
public sealed class CouncilGrpcService(IGrainFactory grains, CityMap city, TimeProvider time) : CouncilService.CouncilServiceBase
{
    private const int TitleMaxLength = 200;
    private const int TextMaxLength = 10_000;
    private const int CommentMaxLength = 2_000;
    private static readonly TimeSpan LongestPhase = TimeSpan.FromDays(90);

    public override async Task<ProposalResponse> CreateProposal(CreateProposalRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "title", request.Title, TitleMaxLength);
        TextRules.RequireIdentifier(violations, "text", request.Text, TextMaxLength);
        if (request.ProposedBy != "community")
        {
            PeopleRules.RequireId(violations, "proposed_by", request.ProposedBy);
        }

        var now = time.GetUtcNow();
        var deliberation = TimeRules.Optional(violations, "deliberation_ends_at", request.DeliberationEndsAt);
        var voting = TimeRules.Optional(violations, "voting_ends_at", request.VotingEndsAt);
        if (deliberation is null || deliberation <= now || deliberation > now + LongestPhase)
        {
            violations.Add("deliberation_ends_at", "is required: a time in the next 90 days");
        }
        else if (voting is null || voting <= deliberation || voting > deliberation + LongestPhase)
        {
            violations.Add("voting_ends_at", "is required: a time after the deliberation ends, within 90 days of it");
        }

        violations.ThrowIfAny();
        var change = await Council(request.CommunityCode).ProposeAsync(
            new NewProposal(request.Title.Trim(), request.Text.Trim(), request.ProposedBy, deliberation!.Value, voting!.Value));
        return Answer(change);
    }

    public override async Task<ProposalResponse> GetProposal(GetProposalRequest request, ServerCallContext context)
    {
        var proposals = await Council(request.CommunityCode).ListAsync();
        var found = proposals.FirstOrDefault(p => p.ProposalId == request.ProposalId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"proposal_id: the council of {request.CommunityCode} has no proposal '{request.ProposalId}'"));
        return new ProposalResponse { Proposal = ToProto(found) };
    }

    public override async Task<ListProposalsResponse> ListProposals(ListProposalsRequest request, ServerCallContext context) =>
        new() { Proposals = { (await Council(request.CommunityCode).ListAsync()).Select(ToProto) } };

    public override async Task<ProposalResponse> AddComment(AddCommentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PeopleRules.RequireId(violations, "resident_id", request.ResidentId);
        TextRules.RequireIdentifier(violations, "text", request.Text, CommentMaxLength);
        violations.ThrowIfAny();
        return Answer(await Council(request.CommunityCode).CommentAsync(request.ProposalId, request.ResidentId, request.Text.Trim()));
    }

    public override async Task<ProposalResponse> CastBallot(CastBallotRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PeopleRules.RequireId(violations, "resident_id", request.ResidentId);
        if (request.Choice == Contracts.V1.BallotChoice.Unspecified || !System.Enum.IsDefined(request.Choice))
        {
            violations.Add("choice", "is required: for, against or abstain");
        }

        violations.ThrowIfAny();
        return Answer(await Council(request.CommunityCode).VoteAsync(request.ProposalId, request.ResidentId, (Contracts.Council.BallotChoice)(int)request.Choice));
    }

    public override async Task<ProposalResponse> PublishResult(PublishResultRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "published_by", request.PublishedBy, 64);
        violations.ThrowIfAny();
        return Answer(await Council(request.CommunityCode).PublishAsync(request.ProposalId, request.PublishedBy.Trim()));
    }

    // A community's council; an unknown community, or an area that is not a community, is NOT_FOUND.
    private ICommunityCouncilGrain Council(string communityCode)
    {
        if (city.FindArea(communityCode) is not { Level: City.Map.AreaLevel.Community })
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"community_code: there is no community '{communityCode}' in {city.Name}"));
        }

        return grains.GetGrain<ICommunityCouncilGrain>(GrainKeys.Council(communityCode));
    }

    private ProposalResponse Answer(ProposalChange change) => change.Outcome switch
    {
        CouncilOutcome.Made => new ProposalResponse { Proposal = ToProto(change.Proposal!) },
        CouncilOutcome.NotFound => throw new RpcException(new Status(StatusCode.NotFound, $"{change.Field}: {change.Reason}")),
        CouncilOutcome.AlreadyVoted => throw new RpcException(new Status(StatusCode.AlreadyExists, $"{change.Field}: {change.Reason}")),
        CouncilOutcome.NotAMember => throw new RpcException(new Status(StatusCode.PermissionDenied, $"{change.Field}: {change.Reason}")),
        _ => throw new RpcException(new Status(StatusCode.FailedPrecondition, change.Reason)),
    };

    private Contracts.V1.Proposal ToProto(Contracts.Council.Proposal proposal) => new()
    {
        ProposalId = proposal.ProposalId,
        CommunityCode = proposal.CommunityCode,
        Title = proposal.Title,
        Text = proposal.Text,
        ProposedBy = proposal.ProposedBy,
        OpenedAt = Timestamp.FromDateTimeOffset(proposal.OpenedAt),
        DeliberationEndsAt = Timestamp.FromDateTimeOffset(proposal.DeliberationEndsAt),
        VotingEndsAt = Timestamp.FromDateTimeOffset(proposal.VotingEndsAt),
        Phase = (Contracts.V1.ProposalPhase)(int)proposal.PhaseAt(time.GetUtcNow()),
        Comments = { proposal.Comments.Select(c => new Contracts.V1.ProposalComment { ResidentId = c.ResidentId, Text = c.Text, At = Timestamp.FromDateTimeOffset(c.At) }) },
        Ballots = proposal.Ballots,
        Tally = proposal.Tally is { } tally
            ? new Contracts.V1.ProposalTally
            {
                ForVotes = tally.For, AgainstVotes = tally.Against, Abstentions = tally.Abstain, Passed = tally.Passed,
                PublishedBy = tally.PublishedBy, PublishedAt = Timestamp.FromDateTimeOffset(tally.PublishedAt),
            }
            : null,
    };
}
