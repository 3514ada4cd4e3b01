using Google.Protobuf.WellKnownTypes;
using Governance.City.Population;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>A residents' council over the API, on a proposal whose phases last seconds: deliberation, vote, publication.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class CouncilTests(DemoCityHostFixture fixture)
{
    private static int _sequence;

    private GatewayHost Host => fixture.Host;

    private CouncilService.CouncilServiceClient Council => new(Host.Channel);

    [Fact]
    public async Task AProposal_IsDeliberated_VotedOnByHousehold_AndPublished_WithEachWrongStepRefused()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var community = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell.Areas[0].Code;
        var (first, spouse) = await HouseholdAsync(centre, 2);
        var (neighbour, _) = await HouseholdAsync(centre, 1);
        var now = DateTimeOffset.UtcNow;
        var request = new CreateProposalRequest
        {
            CommunityCode = community, Title = "Paint the stairwells", Text = "Blue, like the river.", ProposedBy = first,
            DeliberationEndsAt = Timestamp.FromDateTimeOffset(now.AddSeconds(2)), VotingEndsAt = Timestamp.FromDateTimeOffset(now.AddSeconds(4)),
        };
        var backwards = request.Clone();
        backwards.VotingEndsAt = Timestamp.FromDateTimeOffset(now.AddSeconds(1));
        var elsewhere = request.Clone();
        elsewhere.CommunityCode = "no-such-community";

        var badTimes = await RpcAssert.InvalidField("voting_ends_at", () => Council.CreateProposalAsync(backwards).ResponseAsync);
        var unknown = await RpcAssert.FailsWith(StatusCode.NotFound, () => Council.CreateProposalAsync(elsewhere).ResponseAsync);
        var opened = (await Council.CreateProposalAsync(request)).Proposal;
        var commented = (await Council.AddCommentAsync(new AddCommentRequest { CommunityCode = community, ProposalId = opened.ProposalId, ResidentId = neighbour, Text = "Not blue." })).Proposal;
        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Vote(community, opened.ProposalId, first, BallotChoice.For));
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        await Vote(community, opened.ProposalId, first, BallotChoice.For);
        var twice = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Vote(community, opened.ProposalId, spouse, BallotChoice.Against));
        await Vote(community, opened.ProposalId, neighbour, BallotChoice.Abstain);
        var noChoice = await RpcAssert.InvalidField("choice", () => Vote(community, opened.ProposalId, neighbour, BallotChoice.Unspecified));
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var published = (await Council.PublishResultAsync(new PublishResultRequest { CommunityCode = community, ProposalId = opened.ProposalId, PublishedBy = "community-office" })).Proposal;
        var listed = await Council.ListProposalsAsync(new ListProposalsRequest { CommunityCode = community });

        Assert.NotNull(badTimes);
        Assert.NotNull(unknown);
        Assert.Equal((ProposalPhase.Deliberation, first), (opened.Phase, opened.ProposedBy));
        Assert.Equal("Not blue.", Assert.Single(commented.Comments).Text);
        Assert.Contains("ballots are taken from", early.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("one ballot per household", twice.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(noChoice);
        Assert.Equal((ProposalPhase.Published, 2), (published.Phase, published.Ballots));
        Assert.Equal((1, 0, 1, true), (published.Tally.ForVotes, published.Tally.AgainstVotes, published.Tally.Abstentions, published.Tally.Passed));
        Assert.Contains(listed.Proposals, p => p.ProposalId == opened.ProposalId && p.Tally is not null);
    }

    private async Task<ProposalResponse> Vote(string community, string proposalId, string residentId, BallotChoice choice) =>
        await Council.CastBallotAsync(new CastBallotRequest { CommunityCode = community, ProposalId = proposalId, ResidentId = residentId, Choice = choice });

    // A household at the point with its members; the first and, for two, the second member's ids.
    private async Task<(string First, string Second)> HouseholdAsync(GeoPoint point, int members)
    {
        var households = new HouseholdService.HouseholdServiceClient(Host.Channel);
        var residents = new ResidentService.ResidentServiceClient(Host.Channel);
        var householdId = $"h-council-{Guid.NewGuid():N}"[..22];
        await households.CreateHouseholdAsync(new CreateHouseholdRequest
        {
            Profile = new HouseholdProfile
            {
                HouseholdId = householdId, Address = "4 Council Court", Location = point, ElevationMeters = 20, Storey = 2, BuildingStoreys = 5,
                Construction = Construction.BrickConcrete, BuiltYear = 1992,
            },
        });
        var ids = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var id = $"r-council-{Guid.NewGuid():N}"[..22];
            await residents.CreateResidentAsync(new CreateResidentRequest
            {
                Profile = new ResidentProfile
                {
                    ResidentId = id, HouseholdId = householdId, Name = $"Council Member {i}", RelationToHead = i == 0 ? "head" : "spouse",
                    IdNumber = ResidentIdNumber.Create("650106", new DateOnly(1970, 1, 1), Interlocked.Increment(ref _sequence) % 500, Gender.Male),
                },
            });
            ids.Add(id);
        }

        return (ids[0], ids.Count > 1 ? ids[1] : "");
    }
}
