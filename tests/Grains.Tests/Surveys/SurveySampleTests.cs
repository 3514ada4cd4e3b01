using Governance.Grains.Surveys;

namespace Governance.Grains.Tests.Surveys;

public sealed class SurveySampleTests
{
    private static readonly string[] Population = [.. Enumerable.Range(0, 10).Select(i => $"r{i}")];

    [Fact]
    public void ASample_HasDistinctMembersOfThePopulation_AndTheSameSeedDrawsTheSameOne()
    {
        var first = SurveySample.Draw(Population, 4, seed: 7);
        var again = SurveySample.Draw(Population, 4, seed: 7);
        var other = SurveySample.Draw(Population, 4, seed: 8);

        Assert.Equal(4, first.Distinct().Count());
        Assert.All(first, id => Assert.Contains(id, Population));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ASampleLargerThanThePopulation_IsAllOfIt()
    {
        var all = SurveySample.Draw(Population, 100, seed: 1);

        Assert.Equal(Population.Order(), all.Order());
    }

    [Fact]
    public void EveryResident_IsAboutEquallyLikelyToBeDrawn()
    {
        // 3,000 draws of 3 from 10 (seeds 1 to 3,000, so the counts are fixed): each resident is expected 900 times.
        var counts = Population.ToDictionary(id => id, _ => 0);
        for (var seed = 1; seed <= 3_000; seed++)
        {
            foreach (var id in SurveySample.Draw(Population, 3, seed))
            {
                counts[id]++;
            }
        }

        Assert.All(counts.Values, count => Assert.InRange(count, 810, 990));
    }
}
