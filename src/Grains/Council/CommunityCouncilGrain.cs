using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Council;
using Governance.Contracts.Residents;
using Governance.Grains.Clock;
using Governance.Grains.Deadlines;
using Governance.Grains.Storage;

namespace Governance.Grains.Council;

/// <summary>
/// One community's residents' council (议事会). Its members are the residents whose household lies in one of the
/// community's cells; each household has one ballot per proposal, whichever member casts it. The phase follows the
/// clock (deliberation, then voting, then closed) until the result is published. Stored before every answer.
/// </summary>
public sealed class CommunityCouncilGrain(
    [PersistentState("council", StoreNames.Main)] IPersistentState<CouncilState> state,
    CityMap city,
    CityClock time) : Grain, ICommunityCouncilGrain
{
    private string Community => GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.CouncilPrefix);

    public async Task<ProposalChange> ProposeAsync(NewProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var now = time.GetUtcNow();
        if (proposal.ProposedBy != "community" && await NotAMemberAsync(proposal.ProposedBy, "proposed_by") is { } refused)
        {
            return refused;
        }

        var opened = new Proposal($"p{state.State.Opened + 1}", Community, proposal.Title, proposal.Text, proposal.ProposedBy, now,
            proposal.DeliberationEndsAt, proposal.VotingEndsAt, []);
        state.State.Opened++;
        state.State.Proposals.Add(new StoredProposal { Proposal = opened });
        await this.WriteOrUndoAsync(state);
        return Made(opened);
    }

    public Task<ImmutableArray<Proposal>> ListAsync() =>
        Task.FromResult<ImmutableArray<Proposal>>([.. state.State.Proposals.Select(Shown).Reverse()]);

    public async Task<ProposalChange> CommentAsync(string proposalId, string residentId, string text)
    {
        if (Find(proposalId) is not { } stored)
        {
            return Missing(proposalId);
        }

        var now = time.GetUtcNow();
        if (stored.Proposal.PhaseAt(now) != ProposalPhase.Deliberation)
        {
            return WrongPhase(stored.Proposal, now, $"comments are taken until the deliberation ends, {DeadlineSteps.Time(stored.Proposal.DeliberationEndsAt)}");
        }

        if (await NotAMemberAsync(residentId, "resident_id") is { } refused)
        {
            return refused;
        }

        stored.Proposal = stored.Proposal with { Comments = stored.Proposal.Comments.Add(new ProposalComment(residentId, text, now)) };
        await this.WriteOrUndoAsync(state);
        return Made(Shown(stored));
    }

    public async Task<ProposalChange> VoteAsync(string proposalId, string residentId, BallotChoice choice)
    {
        if (Find(proposalId) is not { } stored)
        {
            return Missing(proposalId);
        }

        var now = time.GetUtcNow();
        if (stored.Proposal.PhaseAt(now) != ProposalPhase.Voting)
        {
            return WrongPhase(stored.Proposal, now,
                $"ballots are taken from {DeadlineSteps.Time(stored.Proposal.DeliberationEndsAt)} to {DeadlineSteps.Time(stored.Proposal.VotingEndsAt)}");
        }

        var (household, refused) = await HouseholdOfMemberAsync(residentId, "resident_id");
        if (refused is not null)
        {
            return refused;
        }

        if (stored.Ballots.TryGetValue(household!, out var cast))
        {
            return new ProposalChange(CouncilOutcome.AlreadyVoted, null, "resident_id",
                $"household {household} has voted on {proposalId} already (by {cast.ResidentId}); one ballot per household");
        }

        stored.Ballots[household!] = new StoredBallot(residentId, choice, now);
        await this.WriteOrUndoAsync(state);
        return Made(Shown(stored));
    }

    public async Task<ProposalChange> PublishAsync(string proposalId, string publishedBy)
    {
        if (Find(proposalId) is not { } stored)
        {
            return Missing(proposalId);
        }

        var now = time.GetUtcNow();
        if (stored.Proposal.PhaseAt(now) != ProposalPhase.Closed)
        {
            return WrongPhase(stored.Proposal, now, $"the result is published once the vote has ended, {DeadlineSteps.Time(stored.Proposal.VotingEndsAt)}, and only once");
        }

        var count = (BallotChoice choice) => stored.Ballots.Values.Count(b => b.Choice == choice);
        var (yes, no) = (count(BallotChoice.For), count(BallotChoice.Against));
        stored.Proposal = stored.Proposal with { Tally = new ProposalTally(yes, no, count(BallotChoice.Abstain), yes > no, publishedBy, now) };
        await this.WriteOrUndoAsync(state);
        return Made(Shown(stored));
    }

    private StoredProposal? Find(string proposalId) => state.State.Proposals.FirstOrDefault(p => p.Proposal.ProposalId == proposalId);

    private static Proposal Shown(StoredProposal stored) => stored.Proposal with { Ballots = stored.Ballots.Count };

    private static ProposalChange Made(Proposal proposal) => new(CouncilOutcome.Made, proposal, "", "");

    private ProposalChange Missing(string proposalId) =>
        new(CouncilOutcome.NotFound, null, "proposal_id", $"the council of {Community} has no proposal '{proposalId}'");

    private static ProposalChange WrongPhase(Proposal proposal, DateTimeOffset now, string rule) =>
        new(CouncilOutcome.WrongPhase, null, "", $"Proposal {proposal.ProposalId} is in its {proposal.PhaseAt(now).ToString().ToLowerInvariant()} phase: {rule}.");

    private async Task<ProposalChange?> NotAMemberAsync(string residentId, string field) => (await HouseholdOfMemberAsync(residentId, field)).Refused;

    // The resident's household, if it lies in this community; otherwise why they may not take part.
    private async Task<(string? Household, ProposalChange? Refused)> HouseholdOfMemberAsync(string residentId, string field)
    {
        if (await GrainFactory.GetGrain<IResidentGrain>(GrainKeys.Resident(residentId)).GetFileAsync() is not { } file)
        {
            return (null, new ProposalChange(CouncilOutcome.NotFound, null, field, $"there is no resident '{residentId}'"));
        }

        if (!city.TryGetCell(file.CellId, out var cell) || !city.GetAreaChain(cell.AreaCode).Any(area => area.Code == Community))
        {
            return (null, new ProposalChange(CouncilOutcome.NotAMember, null, field, $"{residentId} lives in {file.CellId}, outside {Community}: only its residents take part"));
        }

        return (file.Details.HouseholdId, null);
    }
}
