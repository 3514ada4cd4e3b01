using Governance.Contracts.V1;

namespace Governance.Gateway.Validation;

/// <summary>Checks of a WGS84 point.</summary>
internal static class GeoRules
{
    /// <summary>True when the point is present and its degrees are finite and in range.</summary>
    public static bool Validate(FieldViolations violations, string field, GeoPoint? point)
    {
        if (point is null)
        {
            violations.Add(field, "is required");
            return false;
        }

        var ok = true;
        if (!double.IsFinite(point.Latitude) || point.Latitude is < -90 or > 90)
        {
            violations.Add($"{field}.latitude", $"{point.Latitude} is outside [-90, 90]");
            ok = false;
        }

        if (!double.IsFinite(point.Longitude) || point.Longitude is < -180 or > 180)
        {
            violations.Add($"{field}.longitude", $"{point.Longitude} is outside [-180, 180]");
            ok = false;
        }

        return ok;
    }
}
