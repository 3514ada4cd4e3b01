using Governance.Contracts;
using Governance.Contracts.Common;
using Governance.Contracts.Council;
using Governance.Contracts.Households;
using Governance.Contracts.Records;
using Governance.Contracts.Residents;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Council;

/// <summary>
/// A residents' council on the movable clock: a proposal deliberated with comments, voted on with one ballot per
/// household, tallied and published; each step refused outside its phase, and to residents of other communities.
/// </summary>
[Collection(MovableClockClusterCollection.Name)]
public sealed class CommunityCouncilTests(MovableClockClusterFixture fixture)
{
    private static int _sequence;

    [Fact]
    public async Task AProposal_IsDeliberated_VotedOnOnceAHousehold_AndItsTallyPublished()
    {
        var community = fixture.City.Cells[0].AreaCode;
        var council = fixture.Grains.GetGrain<ICommunityCouncilGrain>(GrainKeys.Council(community));
        var (wangs, wangHusband, wangWife) = await HouseholdAsync(community, 2);
        var (_, li, _) = await HouseholdAsync(community, 1);
        var (_, zhao, _) = await HouseholdAsync(community, 1);
        var (_, stranger, _) = await HouseholdAsync(fixture.City.Cells.First(c => c.AreaCode != community).AreaCode, 1);
        var now = fixture.Clock.GetUtcNow();

        var opened = (await council.ProposeAsync(new NewProposal("Install a lift in building 3", "Shared cost, 60% from the street fund.", wangHusband,
            now.AddDays(7), now.AddDays(10)))).Proposal!;
        var comment = await council.CommentAsync(opened.ProposalId, li, "Ground-floor households should pay less.");
        var outsider = await council.CommentAsync(opened.ProposalId, stranger, "Do it in our building too.");
        var tooEarly = await council.VoteAsync(opened.ProposalId, li, BallotChoice.For);
        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var lateComment = await council.CommentAsync(opened.ProposalId, zhao, "Too late?");
        await council.VoteAsync(opened.ProposalId, wangHusband, BallotChoice.For);
        var sameHousehold = await council.VoteAsync(opened.ProposalId, wangWife, BallotChoice.Against);
        await council.VoteAsync(opened.ProposalId, li, BallotChoice.For);
        var voted = await council.VoteAsync(opened.ProposalId, zhao, BallotChoice.Against);
        var notYet = await council.PublishAsync(opened.ProposalId, "community-office");
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var published = await council.PublishAsync(opened.ProposalId, "community-office");
        var twice = await council.PublishAsync(opened.ProposalId, "community-office");
        var afterVote = await council.VoteAsync(opened.ProposalId, stranger, BallotChoice.For);
        // Read back from its stored state, as after a restart.
        await fixture.Cluster.DeactivateAsync(council);
        var listed = await council.ListAsync();

        Assert.Equal((ProposalPhase.Deliberation, wangHusband), (opened.PhaseAt(now), opened.ProposedBy));
        Assert.Equal(CouncilOutcome.Made, comment.Outcome);
        Assert.Equal((CouncilOutcome.NotAMember, "resident_id"), (outsider.Outcome, outsider.Field));
        Assert.Equal(CouncilOutcome.WrongPhase, tooEarly.Outcome);
        Assert.Contains("ballots are taken from", tooEarly.Reason, StringComparison.Ordinal);
        Assert.Equal(CouncilOutcome.WrongPhase, lateComment.Outcome);
        Assert.Equal(CouncilOutcome.AlreadyVoted, sameHousehold.Outcome);
        Assert.Contains($"household {wangs} has voted", sameHousehold.Reason, StringComparison.Ordinal);
        Assert.Equal(3, voted.Proposal!.Ballots);
        Assert.Equal(CouncilOutcome.WrongPhase, notYet.Outcome);
        var tally = published.Proposal!.Tally!;
        Assert.Equal((2, 1, 0, true, "community-office"), (tally.For, tally.Against, tally.Abstain, tally.Passed, tally.PublishedBy));
        Assert.Equal(CouncilOutcome.WrongPhase, twice.Outcome);
        Assert.Equal(CouncilOutcome.WrongPhase, afterVote.Outcome);
        var shown = listed.Single(p => p.ProposalId == opened.ProposalId);
        Assert.Equal((ProposalPhase.Published, 1, 3), (shown.PhaseAt(fixture.Clock.GetUtcNow()), shown.Comments.Length, shown.Ballots));
        Assert.Equal(tally, shown.Tally);
    }

    // A household of the community with its members: (household id, first member, second member or empty).
    private async Task<(string Household, string First, string Second)> HouseholdAsync(string community, int members)
    {
        var cell = fixture.City.Cells.First(c => c.AreaCode == community);
        var householdId = $"h-council-{Guid.NewGuid():N}"[..22];
        var details = new HouseholdDetails(householdId, cell.Code, "7 Council Lane", new GeoLocation(cell.Centroid.Latitude, cell.Centroid.Longitude), 15, 3, 6, "brick-concrete", 1990, false, []);
        Assert.Equal(RecordWriteOutcome.Written, (await fixture.Grains.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId)).CreateAsync(details)).Outcome);
        var ids = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var residentId = $"r-council-{Guid.NewGuid():N}"[..22];
            var idNumber = City.Population.ResidentIdNumber.Create("650105", new DateOnly(1960 + i, 1, 1), Interlocked.Increment(ref _sequence) % 500, City.Population.Gender.Male);
            var resident = new ResidentDetails(residentId, householdId, $"Member {i}", "male", new DateOnly(1960 + i, 1, 1), idNumber, "", i == 0 ? "head" : "spouse", []);
            var written = await fixture.Grains.GetGrain<IResidentGrain>(GrainKeys.Resident(residentId)).CreateAsync(resident);
            Assert.True(written.Outcome == RecordWriteOutcome.Written, written.Reason);
            ids.Add(residentId);
        }

        return (householdId, ids[0], ids.Count > 1 ? ids[1] : "");
    }
}
