using System.Globalization;

namespace Governance.City.Geometry;

/// <summary>A WGS84 position in decimal degrees.</summary>
/// <param name="Latitude">Degrees north, −90 to 90.</param>
/// <param name="Longitude">Degrees east, −180 to 180.</param>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>True when both coordinates are finite and within ±90° latitude and ±180° longitude.</summary>
    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Math.Abs(Latitude) <= 90 && Math.Abs(Longitude) <= 180;

    /// <summary>
    /// The point rounded to <paramref name="decimals"/> places. Seven places is about 1 cm, finer than any
    /// boundary we hold, and keeps the stored city small.
    /// </summary>
    public GeoPoint Round(int decimals = 7) =>
        new(Math.Round(Latitude, decimals, MidpointRounding.ToEven), Math.Round(Longitude, decimals, MidpointRounding.ToEven));

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.#######},{Longitude:0.#######}");
}
