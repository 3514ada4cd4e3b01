using Governance.City.Map;
using Governance.Contracts.Common;
using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>Resolves the "point or cell_id" location every intake message carries to a cell of the city.</summary>
internal static class PlaceRules
{
    /// <summary>The cell named by <c>cell_id</c>; NOT_FOUND when the city has none.</summary>
    public static CellInfo RequireCell(CityMap city, string cellId) =>
        city.TryGetCell(cellId, out var cell) ? cell : throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"cell_id: {city.Name} has no cell '{cellId}'"));

    /// <summary>
    /// An area code (any level) or a cell id, as given; empty stays empty (the whole city). NOT_FOUND, naming
    /// <paramref name="field"/>, for a code the city does not have.
    /// </summary>
    public static string RequirePlace(CityMap city, string field, string place) =>
        place.Length == 0 || city.TryGetCell(place, out _) || city.FindArea(place) is not null
            ? place
            : throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"{field}: {city.Name} has no area or cell '{Shortened(place)}'"));

    private static string Shortened(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>The cell and, when a point was given, the point; nulls with violations added when it does not resolve.</summary>
    public static (string? CellId, GeoLocation? Point) Resolve(FieldViolations violations, CityMap city, GeoPoint? point, string? cellId)
    {
        if (point is not null)
        {
            if (!GeoRules.Validate(violations, "point", point))
            {
                return (null, null);
            }

            var cell = city.Locate(point.Latitude, point.Longitude);
            if (cell is null)
            {
                violations.Add("point", $"({point.Latitude}, {point.Longitude}) is outside every area of {city.Name}");
                return (null, null);
            }

            return (cell.Code, new GeoLocation(point.Latitude, point.Longitude));
        }

        if (cellId is not null)
        {
            if (!city.TryGetCell(cellId, out var named))
            {
                violations.Add("cell_id", $"'{(cellId.Length <= 64 ? cellId : cellId[..64] + "…")}' is not a cell of {city.Name}");
                return (null, null);
            }

            return (named.Code, null);
        }

        violations.Add("location", "is required: give a point (latitude, longitude) or a cell_id");
        return (null, null);
    }
}
