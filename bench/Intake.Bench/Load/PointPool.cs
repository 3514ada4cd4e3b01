using System.Collections.Concurrent;
using Governance.Contracts.V1;
using Grpc.Net.Client;

namespace Governance.Intake.Bench.Load;

/// <summary>
/// Where reports happen: points known to lie inside the city, taken from the silo itself (GridService), and in
/// storm mode incidents, each a handful of points within ~30 m of one another.
/// </summary>
public sealed class PointPool
{
    private const double MetresPerDegree = 111_320;
    private const int LookupParallelism = 16;

    private PointPool(IReadOnlyList<GeoPoint> points, IReadOnlyList<Incident> incidents, string origin)
    {
        Points = points;
        Incidents = incidents;
        Origin = origin;
    }

    /// <summary>Valid points spread over the whole city.</summary>
    public IReadOnlyList<GeoPoint> Points { get; }

    /// <summary>Incident clusters (empty unless asked for).</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>Where the points came from, for the report.</summary>
    public string Origin { get; }

    /// <summary>
    /// Lists every cell, keeps the centroids that LocateCell puts in their own cell, adds points 30 m off each
    /// centroid that lie inside the city, and builds <paramref name="incidents"/> incident clusters.
    /// </summary>
    public static async Task<PointPool> FetchAsync(GrpcChannel channel, int incidents, Random random, CancellationToken cancellationToken)
    {
        var grid = new GridService.GridServiceClient(channel);
        var cells = new List<CellListing>();
        var token = "";
        do
        {
            var page = await grid.ListCellsAsync(new ListCellsRequest { PageSize = 1000, PageToken = token }, cancellationToken: cancellationToken);
            cells.AddRange(page.Cells);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        if (cells.Count == 0)
        {
            throw new BenchFailedException("GridService.ListCells returned no cells: the silo has no city");
        }

        var centroids = new ConcurrentBag<GeoPoint>();
        await Parallel.ForEachAsync(cells, Parallelism(cancellationToken), async (cell, ct) =>
        {
            var located = await grid.LocateCellAsync(new LocateCellRequest { Point = cell.Centroid }, cancellationToken: ct);
            if (located.Inside && located.CellId == cell.CellId)
            {
                centroids.Add(cell.Centroid);
            }
        });

        var ordered = centroids.OrderBy(p => p.Latitude).ThenBy(p => p.Longitude).ToList();
        var candidates = ordered.SelectMany(c => new[] { (45.0, 30.0), (135.0, 30.0), (225.0, 30.0), (315.0, 30.0) }
            .Select(o => Offset(c, o.Item1, o.Item2))).ToList();
        var spread = await KeepInsideAsync(grid, candidates, cancellationToken);
        var points = ordered.Concat(spread).ToList();

        var clusters = new List<Incident>();
        for (var i = 0; i < incidents; i++)
        {
            var centre = ordered[random.Next(ordered.Count)];
            var around = Enumerable.Range(0, 8).Select(_ => Offset(centre, random.NextDouble() * 360, 5 + (random.NextDouble() * 25))).ToList();
            var inside = await KeepInsideAsync(grid, around, cancellationToken);
            clusters.Add(new Incident(Categories.Storm[i % Categories.Storm.Count], [centre, .. inside]));
        }

        var origin = $"the silo's city: {cells.Count} cells, {ordered.Count} centroids inside their own cell, {points.Count} points in all"
            + (incidents > 0 ? $"; {clusters.Count} incidents with {clusters.Sum(c => c.Points.Count)} points" : "");
        return new PointPool(points, clusters, origin);
    }

    /// <summary>Points on a plain grid, for an echo-only run (the echo server does not look at them).</summary>
    public static PointPool Synthetic(int incidents, Random random)
    {
        var points = new List<GeoPoint>();
        for (var row = 0; row < 50; row++)
        {
            for (var column = 0; column < 60; column++)
            {
                points.Add(new GeoPoint { Latitude = 30.50 + (row * 0.0009), Longitude = 114.25 + (column * 0.00105) });
            }
        }

        var clusters = Enumerable.Range(0, incidents).Select(i =>
        {
            var centre = points[random.Next(points.Count)];
            return new Incident(
                Categories.Storm[i % Categories.Storm.Count],
                [centre, .. Enumerable.Range(0, 6).Select(_ => Offset(centre, random.NextDouble() * 360, 5 + (random.NextDouble() * 25)))]);
        }).ToList();
        return new PointPool(points, clusters, $"synthetic: {points.Count} grid points (echo only, not checked against a city)");
    }

    private static async Task<List<GeoPoint>> KeepInsideAsync(GridService.GridServiceClient grid, List<GeoPoint> candidates, CancellationToken cancellationToken)
    {
        var inside = new bool[candidates.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates.Count), Parallelism(cancellationToken), async (i, ct) =>
        {
            var located = await grid.LocateCellAsync(new LocateCellRequest { Point = candidates[i] }, cancellationToken: ct);
            inside[i] = located.Inside;
        });
        return [.. candidates.Where((_, i) => inside[i])];
    }

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = cancellationToken };

    private static GeoPoint Offset(GeoPoint from, double bearingDegrees, double metres)
    {
        var bearing = bearingDegrees * Math.PI / 180;
        var north = metres * Math.Cos(bearing);
        var east = metres * Math.Sin(bearing);
        return new GeoPoint
        {
            Latitude = from.Latitude + (north / MetresPerDegree),
            Longitude = from.Longitude + (east / (MetresPerDegree * Math.Cos(from.Latitude * Math.PI / 180))),
        };
    }
}
