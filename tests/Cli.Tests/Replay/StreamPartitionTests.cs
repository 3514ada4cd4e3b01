using Governance.Cli.Replay;
using Governance.Contracts.V1;

namespace Governance.Cli.Tests.Replay;

public sealed class StreamPartitionTests
{
    [Fact]
    public void Pick_ReportsInOneTile_ShareAStream()
    {
        var a = StreamPartition.Pick(new GeoPoint { Latitude = 42.3521, Longitude = -71.0612 }, 4);
        var b = StreamPartition.Pick(new GeoPoint { Latitude = 42.3529, Longitude = -71.0604 }, 4);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Pick_ACity_SpreadsOverEveryStreamWithinRange()
    {
        var picks = new List<int>();
        for (var lat = 42.23; lat < 42.40; lat += 0.01)
        {
            for (var lon = -71.19; lon < -70.99; lon += 0.01)
            {
                picks.Add(StreamPartition.Pick(new GeoPoint { Latitude = lat, Longitude = lon }, 4));
            }
        }

        Assert.All(picks, p => Assert.InRange(p, 0, 3));
        Assert.Equal([0, 1, 2, 3], picks.Distinct().Order());
        // No stream gets more than twice its fair share of tiles.
        Assert.All(picks.GroupBy(p => p), g => Assert.True(g.Count() < picks.Count / 2, $"stream {g.Key}: {g.Count()} of {picks.Count}"));
    }

    [Fact]
    public void Pick_OneStreamOrNoPoint_IsTheFirst()
    {
        Assert.Equal(0, StreamPartition.Pick(new GeoPoint { Latitude = 1, Longitude = 2 }, 1));
        Assert.Equal(0, StreamPartition.Pick(null, 8));
    }
}
