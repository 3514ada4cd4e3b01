using Governance.Contracts.Council;

namespace Governance.Grains.Council;

/// <summary>What a community council grain stores (state "council"): its proposals and their ballots.</summary>
public sealed class CouncilState
{
    /// <summary>How many proposals were opened: the next one is p{Opened + 1}.</summary>
    public int Opened { get; set; }

    public List<StoredProposal> Proposals { get; set; } = [];
}

/// <summary>A proposal with its ballots, by household: who in it voted, and how (shown to nobody, counted at the tally).</summary>
public sealed class StoredProposal
{
    public Proposal Proposal { get; set; } = null!;

    public Dictionary<string, StoredBallot> Ballots { get; set; } = [];
}

public sealed record StoredBallot(string ResidentId, BallotChoice Choice, DateTimeOffset At);
