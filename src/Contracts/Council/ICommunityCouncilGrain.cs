using System.Collections.Immutable;

namespace Governance.Contracts.Council;

/// <summary>What a proposal asks for when it is opened.</summary>
[GenerateSerializer, Immutable, Alias("NewProposal")]
public sealed record class NewProposal(
    [property: Id(0)] string Title,
    [property: Id(1)] string Text,
    [property: Id(2)] string ProposedBy,
    [property: Id(3)] DateTimeOffset DeliberationEndsAt,
    [property: Id(4)] DateTimeOffset VotingEndsAt);

/// <summary>What became of a change asked of a council.</summary>
[GenerateSerializer, Alias("CouncilOutcome")]
public enum CouncilOutcome
{
    Made = 1,

    /// <summary>No such proposal, or no such resident.</summary>
    NotFound = 2,

    /// <summary>The proposal's phase does not allow it (a comment after the deliberation, a ballot outside the vote).</summary>
    WrongPhase = 3,

    /// <summary>The household has voted already.</summary>
    AlreadyVoted = 4,

    /// <summary>The resident does not live in the community.</summary>
    NotAMember = 5,
}

/// <summary>A change asked of a proposal: made (with the proposal after it), or refused with the field and the reason.</summary>
[GenerateSerializer, Immutable, Alias("ProposalChange")]
public sealed record class ProposalChange(
    [property: Id(0)] CouncilOutcome Outcome,
    [property: Id(1)] Proposal? Proposal,
    [property: Id(2)] string Field,
    [property: Id(3)] string Reason);

/// <summary>
/// One community's residents' council, keyed <c>council:&lt;community code&gt;</c>: its proposals, their comments and
/// ballots (one per household). Members are residents whose household lies in the community.
/// </summary>
[Alias("ICommunityCouncilGrain")]
public interface ICommunityCouncilGrain : IGrainWithStringKey
{
    [Alias("Propose")]
    Task<ProposalChange> ProposeAsync(NewProposal proposal);

    [Alias("List")]
    Task<ImmutableArray<Proposal>> ListAsync();

    [Alias("Comment")]
    Task<ProposalChange> CommentAsync(string proposalId, string residentId, string text);

    /// <summary>Casts the household's ballot: AlreadyVoted when a member of the household has voted.</summary>
    [Alias("Vote")]
    Task<ProposalChange> VoteAsync(string proposalId, string residentId, BallotChoice choice);

    /// <summary>Tallies the ballots and publishes the result, once the vote has ended.</summary>
    [Alias("Publish")]
    Task<ProposalChange> PublishAsync(string proposalId, string publishedBy);
}
