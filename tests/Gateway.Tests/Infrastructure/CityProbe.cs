using Governance.Contracts.V1;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>Finds cells of the running city to report into, through the public API only.</summary>
public static class CityProbe
{
    private static int _next;

    /// <summary>
    /// A cell whose centre lies inside it (true of every full square), a different one on each call so that
    /// tests sharing a host do not count each other's reports.
    /// </summary>
    public static async Task<(string CellId, GeoPoint Centre)> FreshCellAsync(GatewayHost host)
    {
        var page = await host.Grid.ListCellsAsync(new ListCellsRequest { PageSize = 1000 });
        for (var attempt = 0; attempt < page.Cells.Count; attempt++)
        {
            var candidate = page.Cells[(Interlocked.Increment(ref _next) * 37) % page.Cells.Count];
            var located = await host.Grid.LocateCellAsync(new LocateCellRequest { Point = candidate.Centroid });
            if (located.Inside && located.CellId == candidate.CellId)
            {
                return (candidate.CellId, candidate.Centroid);
            }
        }

        throw new InvalidOperationException("No cell of the first page contains its own centre.");
    }
}
