using Governance.Cli.Csv;
using Governance.Cli.Mapping;
using Governance.Contracts.V1;

namespace Governance.Cli.Conversion;

/// <summary>
/// The point, from a latitude and a longitude column in invariant notation. Only what is not a number at all is
/// refused here; ranges and "inside the city" are the server's to judge.
/// </summary>
internal sealed class PointRule(CoordinateColumn latitude, CoordinateColumn longitude)
{
    public static PointRule Compile(ColumnSpec? latitude, ColumnSpec? longitude, MappingProblems problems) =>
        new(CoordinateColumn.Compile("latitude", ReportFields.Latitude, latitude, problems),
            CoordinateColumn.Compile("longitude", ReportFields.Longitude, longitude, problems));

    /// <summary>The point, or null with a violation per unusable coordinate.</summary>
    public GeoPoint? Apply(CsvRecord record, List<FieldViolation> violations)
    {
        var lat = latitude.Read(record, violations);
        var lon = longitude.Read(record, violations);
        return lat is { } y && lon is { } x ? new GeoPoint { Latitude = y, Longitude = x } : null;
    }
}
