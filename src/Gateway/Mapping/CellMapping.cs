using Governance.City.Map;
using Governance.Contracts.Cells;
using Governance.Contracts.V1;
using AreaLevel = Governance.City.Map.AreaLevel;
using ProtoArea = Governance.Contracts.V1.Area;
using ProtoAreaLevel = Governance.Contracts.V1.AreaLevel;

namespace Governance.Gateway.Mapping;

/// <summary>A cell of the city map plus its grain's live state, as the contract shows it.</summary>
public static class CellMapping
{
    public static Cell ToProto(CityMap city, CellInfo cell, CellSnapshot snapshot)
    {
        var message = new Cell
        {
            CellId = cell.Code,
            Centroid = ToProto(cell.Centroid),
            AreaSquareMeters = cell.AreaSquareMeters,
            HouseholdCount = snapshot.HouseholdCount,
            Counters = new Contracts.V1.CellCounters
            {
                ReportsReceived = snapshot.Counters.ReportsReceived,
                Retries = snapshot.Counters.Retries,
                CasesOpened = snapshot.Counters.CasesOpened,
                OpenCases = snapshot.Counters.OpenCases,
                MergedReports = snapshot.Counters.MergedReports,
            },
        };
        if (cell.ElevationMeters is { } elevation)
        {
            message.ElevationMeters = elevation;
        }

        if (cell.DistanceToRiverMeters is { } distance)
        {
            message.DistanceToRiverMeters = distance;
        }

        message.Areas.AddRange(city.GetAreaChain(cell.AreaCode).Select(ToProto));
        message.Boundary.AddRange(BoundaryOf(cell));

        message.OpenCases.AddRange(snapshot.OpenCases.Select(c => c.ToProto()));
        message.Sensors.AddRange(snapshot.Sensors.Select(s => s.ToProto()));
        if (snapshot.FloodRisk is { } risk)
        {
            message.FloodRisk = ToProto(risk);
        }

        return message;
    }

    public static Contracts.V1.CellPulse ToProto(Governance.Contracts.LiveFeed.CellPulse pulse)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        var message = new Contracts.V1.CellPulse
        {
            CellId = pulse.CellId,
            Version = pulse.Version,
            OpenCases = pulse.OpenCases,
            OverdueCases = pulse.OverdueCases,
            Alarms = pulse.Alarms,
            ChangedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(pulse.ChangedAt),
        };
        message.Sensors.AddRange(pulse.Sensors.Select(s => s.ToProto()));
        if (pulse.FloodRisk is { } risk)
        {
            message.FloodRisk = ToProto(risk);
        }

        return message;
    }

    private static Contracts.V1.CellFloodRisk ToProto(Governance.Contracts.Cells.CellFloodRisk risk) => new()
    {
        Level = (Contracts.V1.FloodRiskLevel)(int)risk.Level,
        HighestProbability = risk.HighestProbability,
        FlaggedHouseholds = risk.FlaggedHouseholds,
        Households = risk.Households,
        WarningId = risk.WarningId,
        ModelVersion = risk.ModelVersion,
        IssuedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(risk.IssuedAt),
    };

    public static CellListing ToListing(CellInfo cell, bool withBoundary = false)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var listing = new CellListing { CellId = cell.Code, AreaCode = cell.AreaCode, Centroid = ToProto(cell.Centroid) };
        if (cell.ElevationMeters is { } elevation)
        {
            listing.ElevationMeters = elevation;
        }

        if (withBoundary)
        {
            listing.Boundary.AddRange(BoundaryOf(cell));
        }

        return listing;
    }

    /// <summary>The cell's shape: every ring of every polygon, outer rings and holes alike.</summary>
    private static IEnumerable<GeoRing> BoundaryOf(CellInfo cell) =>
        cell.Polygon.Polygons.SelectMany(polygon => polygon.Rings).Select(ring =>
        {
            var message = new GeoRing();
            message.Points.AddRange(ring.Select(ToProto));
            return message;
        });

    public static ProtoArea ToProto(Governance.City.Map.Area area) => new()
    {
        Code = area.Code,
        Name = area.Name,
        Level = area.Level switch
        {
            AreaLevel.District => ProtoAreaLevel.District,
            AreaLevel.Street => ProtoAreaLevel.Street,
            AreaLevel.Community => ProtoAreaLevel.Community,
            _ => ProtoAreaLevel.Unspecified,
        },
        ParentCode = area.ParentCode ?? "",
    };

    private static GeoPoint ToProto(Governance.City.Geometry.GeoPoint point) =>
        new() { Latitude = point.Latitude, Longitude = point.Longitude };
}
