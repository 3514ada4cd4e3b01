namespace Governance.Cli.Conversion;

/// <summary>
/// The names the contract (intake.proto) gives the fields, used for rows this tool rejects too, so that local and
/// server rejections read alike in the summary and the rejects file.
/// </summary>
public static class ReportFields
{
    public const string ExternalId = "external_id";
    public const string Source = "source";
    public const string Category = "category";
    public const string Description = "description";
    public const string Latitude = "point.latitude";
    public const string Longitude = "point.longitude";
    public const string ReportedAt = "reported_at";
    public const string ReporterId = "reporter_id";

    /// <summary>Not a field: the CSV record as a whole (e.g. a wrong number of fields).</summary>
    public const string Row = "row";
}
