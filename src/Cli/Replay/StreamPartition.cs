using Governance.Contracts.V1;

namespace Governance.Cli.Replay;

/// <summary>
/// Chooses the stream a report travels on by where it is: reports within the same tile of about a kilometre share
/// a stream and so reach the server in file order. Merging into an open case depends on which report comes first;
/// dealt out round-robin, two reports of one pothole would race on two streams and a replay would merge differently
/// from run to run.
/// </summary>
public static class StreamPartition
{
    /// <summary>The tile edge in degrees (0.01° is 1.1 km north-south, less east-west away from the equator).</summary>
    public const double TileDegrees = 0.01;

    /// <summary>The stream, 0 to <paramref name="streams"/> - 1, for a report at <paramref name="point"/>.</summary>
    public static int Pick(GeoPoint? point, int streams)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(streams, 1);
        if (point is null || streams == 1)
        {
            return 0;
        }

        var row = (long)Math.Floor(point.Latitude / TileDegrees);
        var column = (long)Math.Floor(point.Longitude / TileDegrees);
        // A fixed mix, not HashCode: that is seeded per process, and a replay should split the same way every time.
        var mixed = unchecked((ulong)(row * 73_856_093) ^ (ulong)(column * 19_349_663));
        return (int)(mixed % (ulong)streams);
    }
}
