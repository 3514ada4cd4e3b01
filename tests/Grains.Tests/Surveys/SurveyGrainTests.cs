using Governance.Contracts;
using Governance.Contracts.Common;
using Governance.Contracts.Households;
using Governance.Contracts.Records;
using Governance.Contracts.Residents;
using Governance.Contracts.Surveys;
using Governance.Grains.Storage;
using Governance.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Grains.Tests.Surveys;

/// <summary>A survey grain on the movable clock: its sample drawn from the residents on file, one answer each, closed on time.</summary>
[Collection(MovableClockClusterCollection.Name)]
public sealed class SurveyGrainTests(MovableClockClusterFixture fixture)
{
    private static int _sequence;

    [Fact]
    public async Task ASurvey_DrawsFromItsAreasResidents_TakesOneAnswerEach_AndClosesOnTime()
    {
        var cell = fixture.City.CellsInArea("tc-east")[^3].Code;
        var residents = await ResidentsAsync(cell, 3);
        var now = fixture.Clock.GetUtcNow();
        var survey = fixture.Grains.GetGrain<ISurveyGrain>(GrainKeys.Survey($"test-{Guid.NewGuid():N}"));

        var started = await survey.StartAsync(new SurveyDraft("Bins", "How satisfied are you with the new bins?", cell, "", 1_000, 5, now.AddDays(7)), now);
        var sample = await survey.SampleAsync();
        var first = await survey.AnswerAsync(residents[0], 4, "Cleaner street.");
        var twice = await survey.AnswerAsync(residents[0], 1, "Changed my mind.");
        var stranger = await survey.AnswerAsync("r-not-drawn", 5, "");
        var second = await survey.AnswerAsync(residents[1], 2, "");
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        var late = await survey.AnswerAsync(residents[2], 5, "");
        var results = (await survey.GetAsync())!;
        var answered = (await survey.SampleAsync()).ToDictionary(s => s.ResidentId, s => s.Answered);

        // Every resident of the cell is drawn (the sample asks for more than live there), the three of this test among them.
        Assert.Equal(SurveyOutcome.Made, started.Outcome);
        Assert.All(residents, id => Assert.Contains(sample, s => s.ResidentId == id));
        Assert.Equal(started.Survey!.Sampled, sample.Length);
        Assert.Equal((SurveyOutcome.Made, SurveyOutcome.AlreadyAnswered, SurveyOutcome.NotSampled, SurveyOutcome.Made, SurveyOutcome.Closed),
            (first.Outcome, twice.Outcome, stranger.Outcome, second.Outcome, late.Outcome));
        Assert.Equal("resident_id", twice.Field);
        // Scores 4 and 2: two answers, mean 3; the second answer and the late one changed nothing.
        Assert.Equal([0, 1, 0, 1, 0], results.Counts.ToArray());
        Assert.Equal((2, 3.0), (results.Answered, results.MeanScore));
        Assert.Equal([true, true, false], residents.Select(id => answered[id]).ToArray());
    }

    [Fact]
    public async Task ASurveyOfAPlaceWithNobodyOnFile_IsNotStarted()
    {
        var onFile = await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IPeopleIndex>().ResidentsPerCellAsync();
        var empty = fixture.City.CellsInArea("tc-west").First(c => !onFile.ContainsKey(c.Code)).Code;
        var survey = fixture.Grains.GetGrain<ISurveyGrain>(GrainKeys.Survey($"test-{Guid.NewGuid():N}"));
        var now = fixture.Clock.GetUtcNow();

        var refused = await survey.StartAsync(new SurveyDraft("Bins", "How satisfied?", empty, "", 100, 5, now.AddDays(7)), now);

        Assert.Equal((SurveyOutcome.NobodyToAsk, "area"), (refused.Outcome, refused.Field));
        Assert.Null(await survey.GetAsync());
    }

    private async Task<string[]> ResidentsAsync(string cellId, int count)
    {
        var cell = fixture.City.Cells.Single(c => c.Code == cellId);
        var householdId = $"h-survey-{Guid.NewGuid():N}"[..22];
        var details = new HouseholdDetails(householdId, cell.Code, "3 Survey Road", new GeoLocation(cell.Centroid.Latitude, cell.Centroid.Longitude), 15, 3, 6, "brick-concrete", 1990, false, []);
        Assert.Equal(RecordWriteOutcome.Written, (await fixture.Grains.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId)).CreateAsync(details)).Outcome);
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = $"r-survey-{Guid.NewGuid():N}"[..22];
            var idNumber = City.Population.ResidentIdNumber.Create("650106", new DateOnly(1970 + i, 2, 1), Interlocked.Increment(ref _sequence) % 500, City.Population.Gender.Female);
            var resident = new ResidentDetails(ids[i], householdId, $"Member {i}", "female", new DateOnly(1970 + i, 2, 1), idNumber, "", i == 0 ? "head" : "daughter", []);
            var written = await fixture.Grains.GetGrain<IResidentGrain>(GrainKeys.Resident(ids[i])).CreateAsync(resident);
            Assert.True(written.Outcome == RecordWriteOutcome.Written, written.Reason);
        }

        return ids;
    }
}
