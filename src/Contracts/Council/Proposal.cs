using System.Collections.Immutable;

namespace Governance.Contracts.Council;

/// <summary>Where a proposal stands, as the clock and its publication say.</summary>
[GenerateSerializer, Alias("ProposalPhase")]
public enum ProposalPhase
{
    /// <summary>Open for comments until the deliberation ends.</summary>
    Deliberation = 1,

    /// <summary>Open for ballots, one per household, until the vote ends.</summary>
    Voting = 2,

    /// <summary>The vote has ended; the result is not published yet.</summary>
    Closed = 3,

    /// <summary>Tallied and published.</summary>
    Published = 4,
}

/// <summary>A household's vote.</summary>
[GenerateSerializer, Alias("BallotChoice")]
public enum BallotChoice
{
    For = 1,
    Against = 2,
    Abstain = 3,
}

/// <summary>A comment made during the deliberation.</summary>
[GenerateSerializer, Immutable, Alias("ProposalComment")]
public sealed record class ProposalComment(
    [property: Id(0)] string ResidentId,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset At);

/// <summary>The published count of a vote: passed when more households voted for than against.</summary>
[GenerateSerializer, Immutable, Alias("ProposalTally")]
public sealed record class ProposalTally(
    [property: Id(0)] int For,
    [property: Id(1)] int Against,
    [property: Id(2)] int Abstain,
    [property: Id(3)] bool Passed,
    [property: Id(4)] string PublishedBy,
    [property: Id(5)] DateTimeOffset PublishedAt);

/// <summary>
/// A proposal before a community's residents' council (议事会): from a resident or the community, deliberated with
/// comments, voted on with one ballot per household, tallied and published. Who voted what is not shown.
/// </summary>
[GenerateSerializer, Immutable, Alias("Proposal")]
public sealed record class Proposal(
    [property: Id(0)] string ProposalId,
    [property: Id(1)] string CommunityCode,
    [property: Id(2)] string Title,
    [property: Id(3)] string Text,
    [property: Id(4)] string ProposedBy,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] DateTimeOffset DeliberationEndsAt,
    [property: Id(7)] DateTimeOffset VotingEndsAt,
    [property: Id(8)] ImmutableArray<ProposalComment> Comments)
{
    /// <summary>How many households have voted so far.</summary>
    [Id(9)]
    public int Ballots { get; init; }

    /// <summary>The published result; null until published.</summary>
    [Id(10)]
    public ProposalTally? Tally { get; init; }

    /// <summary>Where it stands at <paramref name="now"/>.</summary>
    public ProposalPhase PhaseAt(DateTimeOffset now) =>
        Tally is not null ? ProposalPhase.Published
        : now < DeliberationEndsAt ? ProposalPhase.Deliberation
        : now < VotingEndsAt ? ProposalPhase.Voting
        : ProposalPhase.Closed;
}
